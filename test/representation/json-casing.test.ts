import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { camelName } from "../../src/representation/json/json-casing.js";
import { readFixture } from "../helpers/capture-shape.js";

/** Every object key anywhere in a JSON document. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) keysOf(member, into.add(key));
  }
  return into;
}

function keysOfCaptures(version: "v12" | "v13"): Set<string> {
  const files = readdirSync(new URL("../fixtures/", import.meta.url));
  const keys = new Set<string>();
  for (const file of files.filter((name) => name.endsWith(`_${version}.json`))) {
    for (const key of keysOf(readFixture(file))) keys.add(key);
  }
  return keys;
}

describe("EM 13's spelling of member names", () => {
  it("spells every key of every EM 13 capture as the same member of an EM 12 capture", () => {
    const em12 = keysOfCaptures("v12");
    const em13 = keysOfCaptures("v13");
    const spelled = new Map([...em12].map((name) => [camelName(name), name]));

    assert.ok(em13.size > 100, `the EM 13 captures hold ${em13.size} names`);
    const unmatched = [...em13].filter((name) => !spelled.has(name));
    assert.deepEqual(unmatched, []);
  });

  it("lowers a leading acronym but keeps the capital that starts the next word", () => {
    const cases = {
      UID: "uid",
      VmUid: "vmUid",
      NASJobs: "nasJobs",
      VAppRestorePoints: "vAppRestorePoints",
      VCloudOrganizationConfigs: "vCloudOrganizationConfigs",
      CreationTimeUTC: "creationTimeUTC",
      VMName: "vmName",
      IDs: "iDs",
      Links: "links",
    };
    for (const [name, spelled] of Object.entries(cases)) assert.equal(camelName(name), spelled);
  });
});
