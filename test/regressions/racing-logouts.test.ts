import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

// Found by trying to break emrest: five clients deleting the same session at once got one 204
// and four 404s, though a dead token must get 401 (spec section 12, behaviour 9).
let server: TestServer;
before(async () => {
  server = await startTestServer();
  await server.addAccount("SRV12\\admin", "pw");
});
after(() => server.close());

test("racing logouts of one's own session answer one 204 and otherwise 401", async () => {
  for (let round = 0; round < 10; round++) {
    const logon = await server.logon("admin", "pw");
    const id = parseXml(logon.body).LogonSession.SessionId;
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        send(`${server.http}/api/logonSessions/${id}`, {
          method: "DELETE",
          headers: { "x-restsvcsessionid": logon.token },
        }),
      ),
    );
    const statuses = replies.map((reply) => reply.status).sort();
    assert.equal(statuses.filter((status) => status === 204).length, 1, String(statuses));
    assert.ok(
      statuses.every((status) => status === 204 || status === 401),
      String(statuses),
    );
  }
});
