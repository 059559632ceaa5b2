import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { basic, send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("POST /api/sessionMngr/", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\Administrator", "p@ss:word");
  });
  after(() => server.close());

  test("logs on with Basic and answers 201, the token header, the cookie and a LogonSession", async () => {
    const reply = await server.logon("SRV12\\Administrator", "p@ss:word");

    assert.equal(reply.status, 201);
    const body = parseXml(reply.body).LogonSession;
    assert.equal(body.UserName, "SRV12\\Administrator");
    assert.match(body.SessionId, GUID);
    assert.equal(body["@Type"], "LogonSession");
    assert.equal(body["@Href"], `${server.http}/api/logonSessions/${body.SessionId}`);
    assert.equal(reply.token, Buffer.from(body.SessionId).toString("base64"));
    assert.deepEqual(reply.headers["set-cookie"], [`X-RestSvcSessionId=${reply.token}; Path=/api; HttpOnly; SameSite=Lax`]);
    assert.equal(reply.headers["content-length"], String(reply.raw.length));
    assert.match(String(reply.headers["content-type"]), /^application\/xml/);
  });

  test("over HTTPS the cookie is also Secure and Hrefs use https", async () => {
    const reply = await send(`${server.https}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic("Administrator", "p@ss:word") },
    });

    assert.equal(reply.status, 201);
    const token = String(reply.headers["x-restsvcsessionid"]);
    assert.deepEqual(reply.headers["set-cookie"], [`X-RestSvcSessionId=${token}; Path=/api; HttpOnly; Secure; SameSite=Lax`]);
    assert.ok(parseXml(reply.body).LogonSession["@Href"].startsWith(`${server.https}/api/`));
  });

  test("answers JSON with the captured key order when Accept names application/json", async () => {
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic("Administrator", "p@ss:word"), accept: "application/json" },
    });

    assert.equal(reply.status, 201);
    assert.notEqual(reply.raw[0], 0xef, "no byte-order mark");
    const body = JSON.parse(reply.body);
    assert.deepEqual(Object.keys(body), ["UserName", "SessionId", "Links", "Href", "Type"]);
    assert.equal(body.Links.length, 68);
    assert.deepEqual(Object.keys(body.Links[0]), ["Rel", "Href", "Name", "Type"]);
  });

  for (const path of [
    "/api/sessionMngr/?v=latest",
    "/api/sessionMngr/?v=v1_7",
    "/api/sessionMngr/?v=V1_4",
    "/api/sessionMngr/?v=v1",
    "/api/sessionMngr/",
    "/api/sessionMngr",
    "/api//sessionMngr/",
    "/API/SESSIONMNGR/?V=LATEST",
  ]) {
    test(`accepts the logon URL ${path}`, async () => {
      const reply = await server.logon("Administrator", "p@ss:word", path);
      assert.equal(reply.status, 201, reply.body);
    });
  }

  test("answers an unknown version with 400 naming the versions served", async () => {
    const reply = await server.logon("Administrator", "p@ss:word", "/api/sessionMngr/?v=v9");

    assert.equal(reply.status, 400);
    const error = parseXml(reply.body).Error;
    assert.equal(error["@StatusCode"], "400");
    assert.match(error["@Message"], /"v9".*v1_7.*latest/);
    assert.equal(reply.headers["x-restsvcsessionid"], undefined);
  });

  for (const [label, headers, body] of [
    ["no body and Content-Length: 0", { "content-length": "0" }, undefined],
    ["an empty form-encoded body", { "content-type": "application/x-www-form-urlencoded" }, ""],
    ["an empty JSON body", { "content-type": "application/json" }, ""],
    ["an empty text/xml body", { "content-type": "text/xml" }, ""],
    ["whitespace under application/xml", { "content-type": "application/xml" }, " \r\n"],
    ["a chunked empty body", { "transfer-encoding": "chunked" }, ""],
  ] as const) {
    test(`logs on with ${label}`, async () => {
      const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, {
        method: "POST",
        headers: { ...headers, authorization: basic("Administrator", "p@ss:word") },
        body,
      });
      assert.equal(reply.status, 201, reply.body);
    });
  }

  test("the three user-name forms and any casing name the same account", async () => {
    for (const name of ["SRV12\\Administrator", "Administrator@SRV12", "Administrator", "srv12\\ADMINISTRATOR", "administrator@srv12"]) {
      const reply = await server.logon(name, "p@ss:word");
      assert.equal(reply.status, 201, name);
      assert.equal(parseXml(reply.body).LogonSession.UserName, "SRV12\\Administrator");
    }
  });

  test("a password with colons and any UTF-8 works", async () => {
    await server.addAccount("SRV12\\ünïcode", "pä:ss:wörd 🔑");
    assert.equal((await server.logon("ünïcode", "pä:ss:wörd 🔑")).status, 201);
    assert.equal((await server.logon("ünïcode", "pä:ss:wörd")).status, 401);
  });
});
