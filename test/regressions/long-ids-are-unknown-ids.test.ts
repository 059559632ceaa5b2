import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { fixtureInventory, IDS } from "../helpers/inventory-fixture.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

// The router dropped a path segment past 100 characters: under a served collection the
// request fell to the catch-all of paths not served yet and answered 501 "not served",
// elsewhere 400. An ID is an ID at any length: one that names nothing is 404.
describe("an ID longer than 100 characters is an unknown ID", () => {
  const long = "a".repeat(101);
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer({ inventory: fixtureInventory() });
    await server.addAccount("SRV12\\admin", "pw");
    token = (await server.logon("admin", "pw")).token;
  });
  after(() => server.close());

  const call = async (method: string, path: string) => {
    const reply = await send(`${server.http}${path}`, {
      method,
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    return { status: reply.status, message: String(JSON.parse(reply.body).Message) };
  };

  test("reading an inventory object or its sub-collection answers 404 naming the kind", async () => {
    const job = await call("GET", `/api/jobs/${long}?format=Entity`);
    assert.equal(job.status, 404);
    assert.match(job.message, /^There is no Job with the ID/);

    const nested = await call("GET", `/api/backupServers/${IDS.server1}/jobs/${long}`);
    assert.equal(nested.status, 404);
    assert.match(nested.message, /^There is no Job with the ID/);

    const tasks = await call("GET", `/api/backupSessions/${long}/taskSessions`);
    assert.equal(tasks.status, 404);
    assert.match(tasks.message, /^There is no BackupJobSession with the ID/);
  });

  test("an action on it answers 404 and starts nothing", async () => {
    const start = await call("POST", `/api/jobs/${long}?action=start`);
    assert.equal(start.status, 404);
    assert.match(start.message, /^There is no job with the ID/i);

    const stop = await call("POST", `/api/backupSessions/${long}?action=stop`);
    assert.equal(stop.status, 404);

    const tasks = await send(`${server.http}/api/tasks`, {
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    assert.deepEqual(JSON.parse(tasks.body).Tasks, []);
  });

  test("tasks and logon sessions answer 404 as for any unknown ID", async () => {
    assert.equal((await call("GET", `/api/tasks/${long}`)).status, 404);
    assert.equal((await call("GET", `/api/logonSessions/${long}`)).status, 404);
    assert.equal((await call("DELETE", `/api/logonSessions/${long}`)).status, 404);
  });
});
