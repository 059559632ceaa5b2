import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

describe("GET /api/logonSessions and /api/logonSessions/{ID}", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\alice", "a");
    await server.addAccount("SRV12\\bob", "b", "PortalUser");
  });
  after(() => server.close());

  async function session(user: string, password: string) {
    const reply = await server.logon(user, password);
    return { token: reply.token, id: parseXml(reply.body).LogonSession.SessionId as string };
  }

  test("lists the caller's current session first, in XML and JSON", async () => {
    const older = await session("alice", "a");
    const current = await session("alice", "a");

    const xml = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": current.token } });
    assert.equal(xml.status, 200);
    const listed = parseXml(xml.body).LogonSessions.LogonSession;
    assert.equal(listed[0].SessionId, current.id);
    // The store keeps no SessionIds, so only the current session can be named (README).
    assert.equal(listed.length, 1);
    assert.notEqual(listed[0].SessionId, older.id);

    const json = await send(`${server.http}/api/logonSessions`, {
      headers: { "x-restsvcsessionid": current.token, accept: "application/json" },
    });
    assert.equal(JSON.parse(json.body).LogonSessions[0].SessionId, current.id);
  });

  test("reads one session by ID, including another of the same account", async () => {
    const first = await session("alice", "a");
    const second = await session("alice", "a");

    const own = await send(`${server.http}/api/logonSessions/${first.id}`, { headers: { "x-restsvcsessionid": first.token } });
    assert.equal(own.status, 200);
    assert.equal(parseXml(own.body).LogonSession.SessionId, first.id);

    const sibling = await send(`${server.http}/api/logonSessions/${second.id}`, {
      headers: { "x-restsvcsessionid": first.token },
    });
    assert.equal(sibling.status, 200);
    assert.equal(parseXml(sibling.body).LogonSession.UserName, "SRV12\\alice");
  });

  test("another account's session answers exactly as an unknown ID", async () => {
    const alice = await session("alice", "a");
    const bob = await session("bob", "b");
    const unknownId = "00000000-1111-2222-3333-444444444444";

    const theirs = await send(`${server.http}/api/logonSessions/${bob.id}`, { headers: { "x-restsvcsessionid": alice.token } });
    const unknown = await send(`${server.http}/api/logonSessions/${unknownId}`, { headers: { "x-restsvcsessionid": alice.token } });
    assert.equal(theirs.status, 404);
    assert.equal(unknown.status, 404);
    assert.equal(theirs.body, unknown.body);

    const deleteTheirs = await send(`${server.http}/api/logonSessions/${bob.id}`, {
      method: "DELETE",
      headers: { "x-restsvcsessionid": alice.token },
    });
    assert.equal(deleteTheirs.status, 404);
    const stillThere = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": bob.token } });
    assert.equal(stillThere.status, 200);
  });

  test("DELETE logs out with 204 and no body; the very next request gets 401", async () => {
    const mine = await session("alice", "a");

    const logout = await send(`${server.http}/api/logonSessions/${mine.id}`, {
      method: "DELETE",
      headers: { "x-restsvcsessionid": mine.token },
    });
    assert.equal(logout.status, 204);
    assert.equal(logout.body, "");

    const after = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": mine.token } });
    assert.equal(after.status, 401);
    assert.equal(after.headers["www-authenticate"], "Basic Realm=RestSvc");
    assert.equal(parseXml(after.body).Error["@StatusCode"], "401");
  });

  test("a session can log out a sibling of the same account", async () => {
    const first = await session("alice", "a");
    const second = await session("alice", "a");

    const logout = await send(`${server.http}/api/logonSessions/${second.id}`, {
      method: "DELETE",
      headers: { "x-restsvcsessionid": first.token },
    });
    assert.equal(logout.status, 204);
    const gone = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": second.token } });
    assert.equal(gone.status, 401);
  });

  test("unknown, malformed and missing tokens get 401, never 403, 404 or 500", async () => {
    const never = Buffer.from("00000000-1111-2222-3333-444444444444").toString("base64");
    for (const token of [never, "garbage", "=".repeat(48), "a".repeat(3000)]) {
      const reply = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } });
      assert.equal(reply.status, 401, token.slice(0, 20));
    }
    assert.equal((await send(`${server.http}/api/logonSessions`)).status, 401);
  });

  test("a malformed ID gets 404 in the Error representation", async () => {
    const mine = await session("alice", "a");
    const reply = await send(`${server.http}/api/logonSessions/not-a-guid`, {
      headers: { "x-restsvcsessionid": mine.token, accept: "application/json" },
    });
    assert.equal(reply.status, 404);
    assert.equal(JSON.parse(reply.body).StatusCode, 404);
  });
});
