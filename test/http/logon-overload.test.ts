import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { basic, send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

describe("a burst of logons past the bound of 64 checking passwords at once", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\burst", "burst-pw");
  });
  after(() => server.close());

  test("gets 201 or 503 with Retry-After and an Error body, nothing else, and then recovers", async () => {
    const logon = () =>
      send(`${server.http}/api/sessionMngr/?v=latest`, {
        method: "POST",
        headers: { authorization: basic("burst", "burst-pw") },
      });
    const replies = await Promise.all(Array.from({ length: 200 }, logon));

    const statuses = new Set(replies.map((reply) => reply.status));
    assert.deepEqual([...statuses].sort(), [201, 503]);
    for (const reply of replies.filter((r) => r.status === 503)) {
      assert.equal(reply.headers["retry-after"], "1");
      assert.equal(parseXml(reply.body).Error["@StatusCode"], "503");
    }
    assert.ok(replies.filter((reply) => reply.status === 201).length >= 64);
    assert.equal((await logon()).status, 201);
  });
});
