import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

const captured = JSON.parse(
  readFileSync(new URL("../fixtures/veeam_api_v12.json", import.meta.url), "utf8"),
);

describe("GET /api/", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("serves the EnterpriseManager entry point without authentication, in XML by default", async () => {
    const reply = await send(`${server.http}/api/`);

    assert.equal(reply.status, 200);
    assert.ok(reply.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
    const root = parseXml(reply.body).EnterpriseManager;
    assert.equal(root["@xmlns"], "http://www.veeam.com/ent/v1.0");
    assert.deepEqual(
      root.Links.Link.map((link: Record<string, string>) => [
        link["@Rel"],
        link["@Type"],
        link["@Href"],
      ]),
      [
        ["Down", "LogonSessionList", `${server.http}/api/logonSessions`],
        ["Create", "LogonSession", `${server.http}/api/sessionMngr/?v=latest`],
      ],
    );
    assert.deepEqual(
      root.SupportedVersions.SupportedVersion.map(
        (version: Record<string, string>) => version["@Name"],
      ),
      ["v1_5", "v1_6", "v1_7"],
    );
  });

  test("matches the captured v12 JSON, key for key, with the request's own host", async () => {
    const reply = await send(`${server.https}/api/`, {
      headers: { accept: "application/json", host: "em.example.com:9398" },
    });

    assert.equal(reply.status, 200);
    assert.equal(JSON.stringify(JSON.parse(reply.body)), JSON.stringify(captured));
  });

  test("Accept: */* and unknown types get XML", async () => {
    for (const accept of ["*/*", "text/html", "application/xml, text/xml"]) {
      const reply = await send(`${server.http}/api/`, { headers: { accept } });
      assert.match(String(reply.headers["content-type"]), /^application\/xml/, accept);
    }
  });

  test("an Accept list naming application/json anywhere gets JSON", async () => {
    const reply = await send(`${server.http}/api/`, {
      headers: { accept: "application/xml;q=0.9, application/json" },
    });
    assert.match(String(reply.headers["content-type"]), /^application\/json/);
  });

  test("application/json with q=0 is refused JSON, so XML it is", async () => {
    for (const accept of ["application/xml, application/json;q=0", "application/json; q=0.000"]) {
      const reply = await send(`${server.http}/api/`, { headers: { accept } });
      assert.match(String(reply.headers["content-type"]), /^application\/xml/, accept);
    }
    const weak = await send(`${server.http}/api/`, {
      headers: { accept: "application/xml, application/json;q=0.1" },
    });
    assert.match(String(weak.headers["content-type"]), /^application\/json/);
  });

  test("answers on /api, /API/ and //api// alike", async () => {
    for (const path of ["/api", "/API/", "//api//", "/Api"]) {
      assert.equal((await send(`${server.http}${path}`)).status, 200, path);
    }
  });
});
