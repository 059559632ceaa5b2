import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { verifyPassword } from "../../src/sessions/credentials.js";
import { openStore } from "../../src/store/open-store.js";
import { errorLineOf, tempDataDir } from "./run-emrest.js";

describe("emrest tenants", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => (data = await tempDataDir()));
  after(() => data.remove());

  async function tenantHash(name: string): Promise<string | undefined> {
    const store = await openStore("sqlite:emrest.db", { dataDir: data.dir });
    try {
      return (await store.findTenant(name))?.passwordHash;
    } finally {
      await store.close();
    }
  }

  it("adds a tenant with a password from stdin and lists it", async () => {
    const added = await data.emrest(["tenants", "add", "ABC Company"], "tenänt:secret\n");
    assert.equal(added.code, 0, added.stderr);
    assert.equal(await verifyPassword(await tenantHash("ABC Company"), "tenänt:secret"), true);

    const list = await data.emrest(["tenants", "list"]);
    assert.match(list.stdout, /^ABC Company\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
    const json = JSON.parse((await data.emrest(["tenants", "list", "--json"])).stdout);
    assert.deepEqual(Object.keys(json[0]), ["name", "created"]);
  });

  it("refuses a duplicate tenant with exit code 1", async () => {
    const result = await data.emrest(["tenants", "add", "abc company"], "other");

    assert.equal(result.code, 1);
    assert.equal(errorLineOf(result), 'emrest: a tenant "abc company" already exists');
  });

  it("sets a tenant's password from stdin", async () => {
    const result = await data.emrest(["tenants", "set-password", "ABC Company"], "n3w");

    assert.equal(result.code, 0, result.stderr);
    assert.equal(await verifyPassword(await tenantHash("ABC Company"), "n3w"), true);
  });

  it("names an unknown tenant with exit code 1", async () => {
    const result = await data.emrest(["tenants", "remove", "XYZ Ltd"]);

    assert.equal(result.code, 1);
    assert.equal(errorLineOf(result), 'emrest: there is no tenant "XYZ Ltd"');
  });

  it("refuses an empty tenant password with exit code 2", async () => {
    const result = await data.emrest(["tenants", "add", "Empty Inc"], "");

    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /password on stdin is empty/);
    assert.equal(await tenantHash("Empty Inc"), undefined);
  });

  it("removes a tenant", async () => {
    const result = await data.emrest(["tenants", "remove", "abc company"]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal((await data.emrest(["tenants", "list"])).stdout, "");
  });
});
