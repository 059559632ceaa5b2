import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { id, smallInventory } from "../query/small-inventory.js";

// `name=` once became a regular expression with `.*` per `*`; a run of stars against a long
// name made the engine try every split of it and held the whole server for seconds.
describe("lookup wildcards stay linear", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    const site = smallInventory();
    site.vms.push({ ...site.vms[0]!, id: id(90), name: "a".repeat(40), moref: "vm-90" });
    server = await startTestServer({ inventory: site });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  const names = async (pattern: string) => {
    const host = `urn:veeam:HierarchyRoot:${id(13)}`;
    const query = `host=${host}&type=Vm&name=${encodeURIComponent(pattern)}`;
    const reply = await send(`${server.http}/api/lookup?${query}`, {
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    assert.equal(reply.status, 200, reply.body);
    return JSON.parse(reply.body).HierarchyItems.map((item: any) => item.ObjectName);
  };

  test("a run of stars before a letter the name lacks answers at once, with nothing", async () => {
    const start = Date.now();
    assert.deepEqual(await names(`${"*".repeat(8)}b`), []);
    assert.deepEqual(await names(`${"*a".repeat(30)}*b`), []);
    assert.ok(Date.now() - start < 1000, `took ${Date.now() - start} ms`);
  });

  test("stars still match any run, whole name, any casing", async () => {
    assert.deepEqual(await names("*"), ["dbserver01", "web01", "a".repeat(40)]);
    assert.deepEqual(await names("**WEB**"), ["web01"]);
    assert.deepEqual(await names("*e*0*"), ["dbserver01", "web01"]);
    assert.deepEqual(await names("d*r*01"), ["dbserver01"]);
    assert.deepEqual(await names("d*r*r*r*01"), []);
    assert.deepEqual(await names("web"), []);
    assert.deepEqual(await names("web01*"), ["web01"]);
    assert.deepEqual(await names(`${"a*".repeat(40)}`), ["a".repeat(40)]);
    assert.deepEqual(await names(`${"a".repeat(20)}*${"a".repeat(20)}`), ["a".repeat(40)]);
    assert.deepEqual(await names(`${"a".repeat(21)}*${"a".repeat(20)}`), []);
  });
});
