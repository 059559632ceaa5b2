import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { filteredRepresentation } from "../../src/representation/filtered-representation.js";
import { jsonRepresentation } from "../../src/representation/json/json-representation.js";
import { pruneEntity } from "../../src/representation/link-pruning.js";
import type { Link } from "../../src/representation/representation.js";
import { itemList, nested, type EntityModel } from "../../src/representation/resource.js";
import { xmlRepresentation } from "../../src/representation/xml/xml-representation.js";

const base = "https://em:9398/api/";
const link = (rel: string, path: string): Link => ({
  rel,
  href: base + path,
  name: null,
  type: null,
});
const noStart = (l: Link) => l.rel !== "Start";

function job(): EntityModel {
  const include = {
    elements: [["Name", "vm01"]] as const,
    resource: {
      href: `${base}jobs/1/includes/2`,
      type: "ObjectInJob",
      links: [link("Start", "x?action=start"), link("Up", "jobs/1")],
    },
  };
  return {
    type: "Job",
    href: `${base}jobs/1?format=Entity`,
    name: "Job 1",
    uid: "urn:veeam:Job:1",
    links: [link("Up", "backupServers/9"), link("Start", "jobs/1?action=start")],
    levels: [
      {
        elements: [
          [
            "JobInfo",
            nested({
              elements: [["Includes", itemList("ObjectInJob", "ObjectInJobs", [include])]],
            }),
          ],
        ],
      },
    ],
  };
}

describe("leaving links out of a model", () => {
  it("drops the refused links of the entity and of the resources nested in it", () => {
    const written = JSON.parse(filteredRepresentation(jsonRepresentation, noStart).entity(job()));
    assert.deepEqual(
      written.Links.map((l: any) => l.Rel),
      ["Up"],
    );
    const include = written.JobInfo.Includes.ObjectInJobs[0];
    assert.deepEqual(
      include.Links.map((l: any) => l.Rel),
      ["Up"],
    );
  });

  it("writes the same XML as the plain representation when every link stays", () => {
    const model = job();
    const all = filteredRepresentation(xmlRepresentation, () => true);
    assert.equal(all.entity(model), xmlRepresentation.entity(model));
    assert.equal(
      pruneEntity(model, () => true),
      model,
    );
  });

  it("keeps the `null` links of a nested resource as null", () => {
    const model = job();
    const node = { elements: [], resource: { href: `${base}x`, type: "X", links: null } };
    const withNull = { ...model, levels: [{ elements: [["Item", nested(node)]] as const }] };
    const written = JSON.parse(
      filteredRepresentation(jsonRepresentation, noStart).entity(withNull),
    );
    assert.equal(written.Item.Links, null);
  });
});
