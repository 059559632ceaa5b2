import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { basic, send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

/** The eleven behaviours of third-party clients in spec section 12, one test each. */
describe("what clients in the wild do", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\monitor", "mon:itor");
  });
  after(() => server.close());

  const auth = basic("monitor", "mon:itor");
  const logonJson = () =>
    send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: auth, accept: "application/json" } });

  test("1. logs on at every URL form they use, old versions included", async () => {
    for (const path of ["/api/sessionMngr/?v=latest", "/api/sessionMngr/?v=v1_4", "/api/sessionMngr/?v=v1_2", "/api/sessionMngr/", "/api/sessionMngr", "/api//sessionMngr/"]) {
      const reply = await send(`${server.http}${path}`, { method: "POST", headers: { authorization: auth } });
      assert.equal(reply.status, 201, path);
    }
  });

  test("2. reads the token header in any casing they send it back", async () => {
    const { headers } = await logonJson();
    const token = String(headers["x-restsvcsessionid"]);
    for (const name of ["X-RestSvcSessionId", "X-Restsvcsessionid", "x-restsvcsessionid"]) {
      const reply = await send(`${server.http}/api/logonSessions`, { headers: { [name]: token } });
      assert.equal(reply.status, 200, name);
    }
  });

  test("3. a token computed as base64 of the SessionId text works, from JSON and XML bodies", async () => {
    const fromJson = JSON.parse((await logonJson()).body).SessionId;
    const xml = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: auth } });
    const fromXml = parseXml(xml.body).LogonSession.SessionId;

    for (const id of [fromJson, fromXml]) {
      const token = Buffer.from(id).toString("base64");
      const reply = await send(`${server.http}/api/logonSessions/${id}`, { headers: { "x-restsvcsessionid": token } });
      assert.equal(reply.status, 200);
    }
  });

  test("4. replaying the cookie with Basic on every request opens no second session", async () => {
    const first = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: auth } });
    const cookie = String(first.headers["set-cookie"]).split(";")[0]!;
    const again = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: auth, cookie } });

    assert.equal(again.status, 201);
    assert.equal(again.headers["x-restsvcsessionid"], first.headers["x-restsvcsessionid"]);
    const read = await send(`${server.http}/api/logonSessions`, { headers: { authorization: auth, cookie } });
    assert.equal(read.status, 200);
    assert.equal(parseXml(read.body).LogonSessions.LogonSession[0].SessionId, parseXml(first.body).LogonSession.SessionId);
  });

  test("4b. when cookie and header disagree, the cookie wins", async () => {
    const a = String((await logonJson()).headers["x-restsvcsessionid"]);
    const b = JSON.parse((await logonJson()).body).SessionId;
    const reply = await send(`${server.http}/api/logonSessions`, {
      headers: { cookie: `X-RestSvcSessionId=${Buffer.from(b).toString("base64")}`, "x-restsvcsessionid": a },
    });
    assert.equal(parseXml(reply.body).LogonSessions.LogonSession[0].SessionId, b);

    const stale = await send(`${server.http}/api/logonSessions`, {
      headers: { cookie: "X-RestSvcSessionId=c3RhbGU=", "x-restsvcsessionid": a },
    });
    assert.equal(stale.status, 401);
  });

  test("5. a client opening a session per request is not capped", async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 60; i++) tokens.push(String((await logonJson()).headers["x-restsvcsessionid"]));
    for (const token of [tokens[0]!, tokens[30]!, tokens[59]!]) {
      assert.equal((await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } })).status, 200);
    }
  });

  test("6. deleting LogonSessions[0] logs out the caller's own session", async () => {
    const token = String((await logonJson()).headers["x-restsvcsessionid"]);
    const list = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token, accept: "application/json" } });
    const id = JSON.parse(list.body).LogonSessions[0].SessionId;

    const logout = await send(`${server.http}/api/logonSessions/${id}`, { method: "DELETE", headers: { "x-restsvcsessionid": token } });
    assert.equal(logout.status, 204);
    assert.equal((await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token } })).status, 401);
  });

  test("7. */* gets XML; JSON has PascalCase keys and no byte-order mark", async () => {
    const xml = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: auth, accept: "*/*" } });
    assert.match(String(xml.headers["content-type"]), /^application\/xml/);
    const json = await logonJson();
    assert.notDeepEqual([...json.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok("SessionId" in JSON.parse(json.body));
  });

  test("8. every reply carries Content-Length", async () => {
    for (const reply of [await logonJson(), await send(`${server.http}/api/`), await send(`${server.http}/api/x`)]) {
      assert.equal(reply.headers["content-length"], String(reply.raw.length));
    }
  });

  test("9. unknown, deleted and bogus tokens get 401, so clients log on again", async () => {
    const reply = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": "bm9wZQ==" } });
    assert.equal(reply.status, 401);
    const failed = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: basic("monitor", "nope") } });
    assert.equal(failed.status, 401);
    assert.equal(failed.headers["x-restsvcsessionid"], undefined);
  });

  test("10. DOMAIN\\user, user@domain and bare user all log on; passwords may hold colons", async () => {
    for (const name of ["SRV12\\monitor", "monitor@SRV12", "monitor"]) {
      const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: basic(name, "mon:itor") } });
      assert.equal(reply.status, 201, name);
    }
  });

  test("11. Hrefs are absolute and reach the same server by the client's scheme, host and port", async () => {
    for (const base of [server.http, server.https, server.http.replace("127.0.0.1", "localhost")]) {
      const logon = await send(`${base}/api/sessionMngr/?v=latest`, { method: "POST", headers: { authorization: auth } });
      const session = parseXml(logon.body).LogonSession;
      const deleteLink = session.Links.Link.find((link: Record<string, string>) => link["@Rel"] === "Delete");
      assert.ok(deleteLink["@Href"].startsWith(`${base}/api/`), deleteLink["@Href"]);

      const token = String(logon.headers["x-restsvcsessionid"]);
      const logout = await send(deleteLink["@Href"], { method: "DELETE", headers: { "x-restsvcsessionid": token } });
      assert.equal(logout.status, 204);
    }
  });
});
