import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
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

    const logon = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: basic("admin", "pw") } });
    assert.equal(logon.status, 503);
    assert.equal(logon.headers["x-restsvcsessionid"], undefined);
    assert.ok(logon.headers["retry-after"]);
    assert.equal(parseXml(logon.body).Error["@StatusCode"], "503");

    const read = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token, accept: "application/json" } });
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
    assert.equal((await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } })).status, 503);

    store.recover();
    assert.equal((await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } })).status, 200);
  });

  test("the outage is logged as an error, without the token", async () => {
    store.fail();
    await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } });
    store.recover();
    assert.ok(server.logs.some((line) => line.level === 50 && line.msg === "store unavailable"));
    assert.ok(!JSON.stringify(server.logs).includes(token));
  });
});
