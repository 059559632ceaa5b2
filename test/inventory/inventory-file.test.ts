import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { generateInventory } from "../../src/inventory/generate.js";
import { readInventoryFile, writeInventoryFile } from "../../src/inventory/inventory-file.js";
import { InventoryFileMalformed } from "../../src/inventory/parse-inventory-file.js";
import { InventoryInvalid } from "../../src/inventory/problems.js";

const EXAMPLE = new URL("../../docs/inventory-example.yaml", import.meta.url).pathname;
const NOW = Date.UTC(2026, 5, 15, 6, 0, 0);
const SERVER = {
  id: "6B3F8A2E-0C1D-4E5F-9A7B-000000000001",
  name: "vbr01.example.com",
  version: "12.3.1.1139",
};

describe("inventory files", () => {
  let dir = "";
  before(async () => (dir = await mkdtemp(join(tmpdir(), "emrest-inventory-file-"))));
  after(() => rm(dir, { recursive: true, force: true }));

  async function fileWith(name: string, text: string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  }

  it("reads the documented example", async () => {
    const inventory = await readInventoryFile(EXAMPLE);
    assert.deepEqual(
      inventory.jobs.map((job) => job.name),
      ["Nightly Backup", "SQL Replica"],
    );
    assert.equal(inventory.jobSessions[1]!.result, "Warning");
    assert.equal(inventory.jobSessions[0]!.creationTime, Date.parse("2026-06-14T22:00:04Z"));
    assert.equal(inventory.backupServers[0]!.port, 9392, "a left-out port gets its default");
  });

  it("reads JSON, and YAML, by the file's extension", async () => {
    const json = await fileWith("site.json", JSON.stringify({ backupServers: [SERVER] }));
    const yaml = await fileWith(
      "site.yml",
      `backupServers:\n  - id: ${SERVER.id}\n    name: ${SERVER.name}\n    version: "${SERVER.version}"\n`,
    );
    for (const path of [json, yaml]) {
      const inventory = await readInventoryFile(path);
      assert.equal(inventory.backupServers[0]!.id, SERVER.id.toLowerCase(), path);
      assert.equal(inventory.backupServers[0]!.name, SERVER.name, path);
    }
  });

  it("reads a file without a known extension by its content", async () => {
    const json = await fileWith("site-json", ` \n{"backupServers": [${JSON.stringify(SERVER)}]}`);
    const yaml = await fileWith("site-yaml", `backupServers: [${JSON.stringify(SERVER)}]\n`);
    assert.equal((await readInventoryFile(json)).backupServers.length, 1);
    assert.equal((await readInventoryFile(yaml)).backupServers.length, 1);
  });

  it("says where malformed JSON goes wrong, by line and column", async () => {
    const path = await fileWith("bad.json", '{\n  "backupServers": [],\n}\n');
    await assert.rejects(readInventoryFile(path), (error: Error) => {
      assert.ok(error instanceof InventoryFileMalformed);
      assert.match(error.message, /^not valid JSON at line 3, column 1: /);
      return true;
    });
  });

  it("says where malformed YAML goes wrong, by line and column", async () => {
    const path = await fileWith("bad.yaml", "backupServers:\n  - id: 1\n    name: [a, b\n");
    await assert.rejects(readInventoryFile(path), (error: Error) => {
      assert.ok(error instanceof InventoryFileMalformed);
      assert.match(error.message, /^not valid YAML at line \d+, column \d+: /);
      return true;
    });
  });

  it("refuses YAML with a key given twice", async () => {
    const path = await fileWith("twice.yaml", "backupServers: []\nbackupServers: []\n");
    await assert.rejects(readInventoryFile(path), /not valid YAML at line 2, column 1: .*unique/);
  });

  it("names the bad field of a well-formed file", async () => {
    const path = await fileWith("wrong.yaml", "backupServers:\n  - id: x\n");
    await assert.rejects(readInventoryFile(path), (error: Error) => {
      assert.ok(error instanceof InventoryInvalid);
      assert.match(error.problems[0]!, /^backupServers\[0\]\.id: expected a GUID/);
      assert.equal(error.problems[1], "backupServers[0].name: is missing");
      return true;
    });
  });

  it("writes a generated site as JSON and as YAML that read back the same", async () => {
    const site = generateInventory({ servers: 2, jobs: 5, vms: 12, days: 4, seed: 3, now: NOW });
    for (const name of ["site-out.json", "site-out.yaml"]) {
      const path = join(dir, name);
      await writeInventoryFile(path, site);
      assert.deepEqual(await readInventoryFile(path), site, name);
    }
  });
});
