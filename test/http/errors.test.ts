import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

describe("errors in the API's Error representation", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\admin", "pw");
    token = (await server.logon("admin", "pw")).token;
  });
  after(() => server.close());

  test("an unknown resource gets 404 with an Error body, in XML and JSON", async () => {
    const xml = await send(`${server.http}/api/noSuchThing`);
    assert.equal(xml.status, 404);
    assert.equal(parseXml(xml.body).Error["@StatusCode"], "404");

    const json = await send(`${server.http}/nothing/here`, {
      headers: { accept: "application/json" },
    });
    assert.equal(json.status, 404);
    assert.deepEqual(Object.keys(JSON.parse(json.body)), [
      "FirstChanceExceptionMessage",
      "Message",
      "StackTrace",
      "Status",
      "StatusCode",
    ]);
  });

  test("a wrong method gets 405 with an Allow header", async () => {
    const cases = [
      ["PUT", "/api/", "GET, HEAD"],
      ["GET", "/api/sessionMngr/?v=latest", "POST"],
      ["DELETE", "/api/logonSessions", "GET, HEAD"],
      ["POST", "/api/logonSessions/00000000-1111-2222-3333-444444444444", "GET, HEAD, DELETE"],
    ];
    for (const [method, path, allow] of cases) {
      const reply = await send(`${server.http}${path}`, {
        method,
        headers: { "x-restsvcsessionid": token },
      });
      assert.equal(reply.status, 405, `${method} ${path}`);
      assert.equal(reply.headers.allow, allow);
      assert.equal(parseXml(reply.body).Error["@StatusCode"], "405");
    }
  });

  test("HEAD answers as GET does, with the same headers and no body", async () => {
    const get = await send(`${server.http}/api/`);
    const head = await send(`${server.http}/api/`, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.raw.length, 0);
    assert.equal(head.headers["content-length"], get.headers["content-length"]);
    assert.equal(head.headers["content-type"], get.headers["content-type"]);
  });

  test("every link target not served yet answers 501 naming it, once logged on", async () => {
    const reply = await send(`${server.http}/api/cdpPolicies?format=Entity`, {
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(reply.status, 501);
    assert.match(parseXml(reply.body).Error["@Message"], /cdpPolicies/);

    const anonymous = await send(`${server.http}/api/backupServers`);
    assert.equal(anonymous.status, 401);
  });

  test("an oversized body gets 413", async () => {
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "x".repeat(70 * 1024),
    });
    assert.equal(reply.status, 413);
    assert.equal(parseXml(reply.body).Error["@StatusCode"], "413");
  });

  test("a malformed logon body gets 400", async () => {
    for (const body of ["<LoginSpec><TenantCredentials>", "{not json", "<Other/>"]) {
      const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, {
        method: "POST",
        headers: { "content-type": "application/xml" },
        body,
      });
      assert.equal(reply.status, 400, body);
      assert.equal(parseXml(reply.body).Error["@StatusCode"], "400");
    }
  });

  test("an XML body with a DTD or entities is refused, never expanded", async () => {
    const body =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' +
      "<LoginSpec><TenantCredentials><Username>&e;</Username><Password>p</Password></TenantCredentials></LoginSpec>";
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", body });
    assert.equal(reply.status, 400);
    assert.ok(!reply.body.includes("root:"));
  });

  test("headers too large get 431 with an Error body", async () => {
    const reply = await send(`${server.http}/api/`, {
      headers: { "x-big": "y".repeat(20 * 1024) },
    });
    assert.equal(reply.status, 431);
    assert.equal(parseXml(reply.body).Error["@StatusCode"], "431");
  });

  test("an Expect header other than 100-continue gets 417 with an Error body, in JSON if asked", async () => {
    const reply = await send(`${server.http}/api/`, { headers: { expect: "something-else" } });
    assert.equal(reply.status, 417);
    assert.equal(reply.headers["content-length"], String(reply.raw.length));
    assert.equal(parseXml(reply.body).Error["@StatusCode"], "417");

    const json = await send(`${server.http}/api/`, {
      headers: { expect: "something-else", accept: "application/json" },
    });
    assert.equal(json.status, 417);
    assert.match(String(json.headers["content-type"]), /^application\/json/);
    assert.equal(JSON.parse(json.body).StatusCode, 417);
  });

  test("a query string with a bad escape gets 400, as a path with one does", async () => {
    for (const query of ["filter=Name==%ZZ", "filter=Name==%C0%AE", "type=Job&page=%"]) {
      const reply = await send(`${server.http}/api/query?${query}`);
      assert.equal(reply.status, 400, query);
      assert.equal(
        parseXml(reply.body).Error["@Message"],
        "The query string is not valid percent-encoded UTF-8.",
      );
    }
    const fine = await send(`${server.http}/api/?name=%E2%9C%93%20ok%26more`);
    assert.equal(fine.status, 200);
  });

  test("a Host with an impossible port never reaches Hrefs, nor does a huge ?v= reach the body", async () => {
    const entry = await send(`${server.http}/api/`, { headers: { host: "example.com:99999" } });
    assert.ok(!entry.body.includes("99999"));

    const huge = "v".repeat(5000);
    const logon = await send(`${server.http}/api/sessionMngr/?v=${huge}`, { method: "POST" });
    assert.equal(logon.status, 400);
    assert.ok(logon.body.length < 1000, `an Error body of ${logon.body.length} bytes`);
  });

  test("garbage on the socket gets 400 and the server keeps serving", async () => {
    const url = new URL(server.http);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () =>
        socket.write("NOT HTTP AT ALL\r\n\r\n"),
      );
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
    });
    assert.match(answer, /^HTTP\/1\.1 400/);
    assert.match(answer, /<Error /);
    assert.equal((await send(`${server.http}/api/`)).status, 200);
  });

  test("no reply is chunked: every one with a body carries Content-Length", async () => {
    for (const path of ["/api/", "/api/nothing", "/api/logonSessions"]) {
      const reply = await send(`${server.http}${path}`, {
        headers: { "x-restsvcsessionid": token },
      });
      assert.equal(reply.headers["transfer-encoding"], undefined, path);
      assert.equal(reply.headers["content-length"], String(reply.raw.length), path);
    }
  });

  test("replies carry the security headers EM sends", async () => {
    const plain = await send(`${server.http}/api/`);
    assert.equal(plain.headers["x-content-type-options"], "nosniff");
    assert.equal(plain.headers["x-frame-options"], "DENY");
    assert.equal(plain.headers["cache-control"], "private");
    assert.equal(plain.headers["strict-transport-security"], undefined);
    const secure = await send(`${server.https}/api/`);
    assert.match(String(secure.headers["strict-transport-security"]), /max-age=\d+/);
  });

  test("a session id in the path never reaches the log, however it is percent-encoded", async () => {
    const logon = await server.logon("admin", "pw");
    const id: string = parseXml(logon.body).LogonSession.SessionId;
    const encodings = [
      id.replaceAll("-", "%2d"),
      [...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(""),
    ];
    for (const path of encodings) {
      const reply = await send(`${server.http}/api/logonSessions/${path}`, {
        headers: { "x-restsvcsessionid": logon.token },
      });
      assert.equal(reply.status, 200, path);
    }
    const text = JSON.stringify(server.logs).toLowerCase();
    for (const form of [id, ...encodings.map((e) => e.toLowerCase())])
      assert.ok(!text.includes(form), form);
  });

  test("the request log has one line per request with no token or whole session id", async () => {
    const logon = await server.logon("admin", "pw");
    const id = parseXml(logon.body).LogonSession.SessionId;
    await send(`${server.http}/api/logonSessions/${id}`, {
      headers: { "x-restsvcsessionid": logon.token },
    });

    const text = JSON.stringify(server.logs);
    assert.ok(!text.includes(logon.token));
    assert.ok(!text.includes(id));
    const line = server.logs.findLast((entry) => entry.msg === "request")!;
    assert.deepEqual(
      Object.keys(line).filter((key) => ["reqId", "method", "path", "status", "ms"].includes(key))
        .length,
      5,
    );
    assert.equal(line.status, 200);
  });
});
