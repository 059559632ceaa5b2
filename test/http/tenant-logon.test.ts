import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

describe("tenant logon with a LoginSpec body", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addTenant("ABC Company", "t3nant:pw");
  });
  after(() => server.close());

  const xmlSpec = (name: string, password: string) =>
    `<LoginSpec xmlns="http://www.veeam.com/ent/v1.0"><TenantCredentials><Username>${name}</Username>` +
    `<Password>${password}</Password></TenantCredentials></LoginSpec>`;

  test("an XML LoginSpec opens a tenant session with the tenant link set", async () => {
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: xmlSpec("ABC Company", "t3nant:pw"),
    });

    assert.equal(reply.status, 201, reply.body);
    const session = parseXml(reply.body).LogonSession;
    assert.equal(session.UserName, "ABC Company");
    const links = session.Links.Link.map((link: Record<string, string>) => [link["@Rel"], link["@Type"], link["@Href"]]);
    assert.deepEqual(links, [
      ["Up", "EnterpriseManager", `${server.http}/api/`],
      ["Down", "CloudConnectService", `${server.http}/api/cloud`],
      ["Delete", "LogonSession", `${server.http}/api/logonSessions/${session.SessionId}`],
    ]);
  });

  test("a JSON LoginSpec works too, and the session lists, reads and logs out", async () => {
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ TenantCredentials: { Username: "abc company", Password: "t3nant:pw" } }),
    });
    assert.equal(reply.status, 201, reply.body);
    const { SessionId: id } = JSON.parse(reply.body);
    const token = String(reply.headers["x-restsvcsessionid"]);

    const list = await send(`${server.http}/api/logonSessions`, { headers: { "x-restsvcsessionid": token, accept: "application/json" } });
    assert.equal(JSON.parse(list.body).LogonSessions[0].SessionId, id);
    const logout = await send(`${server.http}/api/logonSessions/${id}`, { method: "DELETE", headers: { "x-restsvcsessionid": token } });
    assert.equal(logout.status, 204);
  });

  test("a wrong tenant password or unknown tenant gets 401", async () => {
    for (const body of [xmlSpec("ABC Company", "wrong"), xmlSpec("Nobody Inc", "t3nant:pw")]) {
      const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", body });
      assert.equal(reply.status, 401);
      assert.equal(reply.headers["x-restsvcsessionid"], undefined);
    }
  });

  test("tenant credentials never echo into the reply or the log", async () => {
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", body: xmlSpec("ABC Company", "leak-me-not") });
    assert.ok(!reply.body.includes("leak-me-not"));
    assert.ok(!JSON.stringify(server.logs).includes("leak-me-not"));
  });

  test("a vCloud organization logon answers 501, not a session", async () => {
    const body =
      "<LoginSpec><VCloudOrganizationCredentials><OrganizationName>org</OrganizationName>" +
      "<Login>u</Login><Password>p</Password></VCloudOrganizationCredentials></LoginSpec>";
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", body });
    assert.equal(reply.status, 501);
  });
});
