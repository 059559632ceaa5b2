import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { actionSite, NIGHTLY } from "../actions/action-site.js";
import { basic, send } from "../helpers/client.js";
import { FailingStore } from "../helpers/failing-store.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

describe("when the store is unreachable", () => {
  let server: TestServer;
  let store: FailingStore;
  let token: string;
  before(async () => {
    store = new FailingStore(new MemoryStore());
    server = await startTestServer({ store });
    await server.addAccount("SRV12\\admin", "pw");
    token = (await server.logon("admin", "pw")).token;
  });
  after(() => server.close());

  test("logons and authenticated requests get 503 with an Error body, never 401", async () => {
    store.fail();

    const logon = await send(`${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic("admin", "pw") },
    });
    assert.equal(logon.status, 503);
    assert.equal(logon.headers["x-restsvcsessionid"], undefined);
    assert.ok(logon.headers["retry-after"]);
    assert.equal(parseXml(logon.body).Error["@StatusCode"], "503");

    const read = await send(`${server.http}/api/logonSessions`, {
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    assert.equal(read.status, 503);
    assert.equal(JSON.parse(read.body).StatusCode, 503);

    const logout = await send(`${server.http}/api/logonSessions/${Buffer.from(token, "base64")}`, {
      method: "DELETE",
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(logout.status, 503);
  });

  test("the entry point needs no store and keeps answering", async () => {
    store.fail();
    assert.equal((await send(`${server.http}/api/`)).status, 200);
  });

  test("the server recovers by itself when the store returns, and the session was kept", async () => {
    store.fail();
    assert.equal(
      (await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } }))
        .status,
      503,
    );

    store.recover();
    assert.equal(
      (await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } }))
        .status,
      200,
    );
  });

  test("the outage is logged as an error, without the token", async () => {
    store.fail();
    await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } });
    store.recover();
    assert.ok(server.logs.some((line) => line.level === 50 && line.msg === "store unavailable"));
    assert.ok(!JSON.stringify(server.logs).includes(token));
  });
});

describe("when the store cannot be read for the inventory", () => {
  let server: TestServer;
  let store: FailingStore;
  let token: string;
  before(async () => {
    store = new FailingStore(new MemoryStore());
    server = await startTestServer({ store, inventory: actionSite(), inventoryCheckEveryMs: 50 });
    await server.addAccount("SRV12\\admin", "pw");
    token = (await server.logon("admin", "pw")).token;
  });
  after(() => server.close());

  const jobName = async () => {
    const reply = await send(`${server.http}/api/jobs/${NIGHTLY}?format=Entity`, {
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    assert.equal(reply.status, 200, reply.body);
    return JSON.parse(reply.body).Name;
  };

  test("the last inventory read is served, the outage logged once, and changes show after", async () => {
    store.fail("readInventory");
    const [nightly] = actionSite().jobs.filter((job) => job.id === NIGHTLY);
    const renamed = { ...nightly, name: "Nightly (renamed)" };
    await store.inner.putInventoryRecords([
      { kind: "jobs", id: NIGHTLY, body: JSON.stringify(renamed) },
    ]);
    await sleep(300);

    assert.equal(await jobName(), "Nightly");
    const warnings = server.logs.filter(
      (line) => line.level === 40 && /inventory/.test(String(line.msg)),
    );
    assert.equal(warnings.length, 1);

    store.recover();
    await sleep(300);
    assert.equal(await jobName(), "Nightly (renamed)");
  });
});
