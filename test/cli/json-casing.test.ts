import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadServeConfig } from "../../src/config.js";
import { send } from "../helpers/client.js";
import { errorLineOf, runEmrest, tempDataDir } from "./run-emrest.js";
import { startServe } from "./serve-process.js";

describe("the JSON casing setting", () => {
  it("is EM 12's pascal unless a flag or EMREST_JSON_CASING says camel, the flag first", () => {
    assert.equal(loadServeConfig({}, {}).jsonCasing, "pascal");
    assert.equal(loadServeConfig({}, { EMREST_JSON_CASING: "camel" }).jsonCasing, "camel");
    const both = loadServeConfig({ jsonCasing: "pascal" }, { EMREST_JSON_CASING: "camel" });
    assert.equal(both.jsonCasing, "pascal");
  });

  it("refuses any other spelling of the casing", () => {
    for (const text of ["Camel", "camelCase", "snake", " camel"]) {
      assert.throws(() => loadServeConfig({ jsonCasing: text }, {}), ConfigError, text);
    }
  });

  it("is shown with its default in serve --help, and a bad one stops serve with exit 2", async () => {
    const help = await runEmrest(["serve", "--help"]);
    assert.match(help.stdout, /--json-casing <casing>[\s\S]{0,140}?default: pascal/);
    assert.match(help.stdout, /env: EMREST_JSON_CASING/);

    const bad = await runEmrest(["serve", "--json-casing", "kebab"]);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, "");
    assert.match(errorLineOf(bad), /--json-casing must be pascal \(EM 12\) or camel \(EM 13\)/);
  });

  it("makes emrest serve answer in EM 13's camelCase, faults included", async () => {
    const data = await tempDataDir();
    const served = await startServe(data.dir, ["--json-casing", "camel", "--store", "memory:"]);
    try {
      const accept = { accept: "application/json" };
      const entry = JSON.parse((await send(served.url, { headers: accept })).body);
      assert.deepEqual(Object.keys(entry), ["supportedVersions", "links", "href", "type"]);
      assert.deepEqual(Object.keys(entry.links[0]), ["rel", "href", "name", "type"]);

      const denied = await send(`${served.url}backupServers`, { headers: accept });
      assert.equal(denied.status, 401);
      assert.deepEqual(Object.keys(JSON.parse(denied.body)), [
        "firstChanceExceptionMessage",
        "message",
        "stackTrace",
        "status",
        "statusCode",
      ]);
    } finally {
      served.child.kill("SIGTERM");
      await served.exited;
      await data.remove();
    }
  });
});
