import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

/** Real time, short windows: the idle timeout is set to 1.5 s for these tests. */
describe("idle expiry and the absolute lifetime", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ flags: { idleTimeout: "1500ms" } });
    await server.addAccount("SRV12\\admin", "pw");
  });
  after(() => server.close());

  const list = (token: string) => send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } });

  test("a session idle past the timeout gets 401 and is removed from the store", async () => {
    const { token } = await server.logon("admin", "pw");
    assert.equal((await list(token)).status, 200);

    await sleep(1700);
    assert.equal((await list(token)).status, 401);
    assert.equal((await server.store.listSessions()).length, 0);
  });

  test("every authenticated request slides the window", async () => {
    const { token } = await server.logon("admin", "pw");
    for (let i = 0; i < 4; i++) {
      await sleep(600);
      assert.equal((await list(token)).status, 200, `request ${i} after 600 ms idle`);
    }
    // 2.4 s after logon, well past one window, the session lives because it was used.
  });

  test("a failed request with a bad token slides nothing", async () => {
    const { token } = await server.logon("admin", "pw");
    await sleep(900);
    await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": "bogus" } });
    await sleep(900);
    assert.equal((await list(token)).status, 401);
  });
});

describe("an absolute lifetime, when configured", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ flags: { idleTimeout: "10s", absoluteLifetime: "1500ms" } });
    await server.addAccount("SRV12\\admin", "pw");
  });
  after(() => server.close());

  test("ends a busy session at its lifetime however often it is used", async () => {
    const { token } = await server.logon("admin", "pw");
    for (let i = 0; i < 3; i++) {
      await sleep(400);
      assert.equal((await list(token)).status, 200);
    }
    await sleep(600);
    assert.equal((await list(token)).status, 401);
  });

  const list = (token: string) => send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } });
});
