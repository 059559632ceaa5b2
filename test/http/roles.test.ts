import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { send, type Reply } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";
import { API_VERSIONS } from "../../src/sessions/link-sets.js";

const ID = "5f1e3b8c-0d7a-4c2e-9b41-7a6d2f0c8e13";
const JSON_ACCEPT = { accept: "application/json" };
const ERROR_MEMBERS = [
  "FirstChanceExceptionMessage",
  "Message",
  "StackTrace",
  "Status",
  "StatusCode",
];

interface Link {
  Rel: string;
  Href: string;
  Type: string | null;
}

type Who = "admin" | "monitor" | "operator" | "tenant";

describe("roles: what each role may reach over HTTP", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("admin", "Adm1n-pw", "PortalAdministrator");
    await server.addAccount("monitor", "M0nitor-pw", "PortalUser");
    await server.addAccount("operator", "Op3rator-pw", "RestoreOperator");
    await server.addTenant("ABC Company", "T3nant-pw");
  });
  after(() => server.close());

  /** Logs on as JSON and returns the token and the LogonSession's links. */
  async function logon(who: Who, version = "latest") {
    const path = `/api/sessionMngr/?v=${version}`;
    const reply =
      who === "tenant"
        ? await send(`${server.http}${path}`, {
            method: "POST",
            headers: { "content-type": "application/json", ...JSON_ACCEPT },
            body: JSON.stringify({
              TenantCredentials: { Username: "ABC Company", Password: "T3nant-pw" },
            }),
          })
        : await send(`${server.http}${path}`, {
            method: "POST",
            headers: { authorization: basicOf(who), ...JSON_ACCEPT },
          });
    assert.equal(reply.status, 201, reply.body);
    const token = String(reply.headers["x-restsvcsessionid"]);
    return { token, links: JSON.parse(reply.body).Links as Link[] };
  }

  const call = (token: string, method: string, url: string, json = false) =>
    send(url, {
      method,
      headers: { "x-restsvcsessionid": token, ...(json ? JSON_ACCEPT : {}) },
    });
  const api = (path: string) => `${server.http}/api/${path}`;
  const methodOf = (link: Link) => (link.Rel === "Create" ? "POST" : "GET");
  const followable = (link: Link) => link.Rel === "Down" || link.Rel === "Create";

  test("no link of any role's LogonSession answers 403, in any API version", async () => {
    for (const who of ["admin", "monitor", "operator", "tenant"] as Who[]) {
      for (const version of API_VERSIONS) {
        const { token, links } = await logon(who, version);
        for (const link of links.filter(followable)) {
          const reply = await call(token, methodOf(link), link.Href);
          assert.notEqual(reply.status, 403, `${who} ${version} ${link.Rel} ${link.Href}`);
          assert.notEqual(reply.status, 401, `${who} ${version} ${link.Href}`);
        }
        const logout = links.find((link) => link.Rel === "Delete")!;
        assert.equal((await call(token, "DELETE", logout.Href)).status, 204, `${who} ${version}`);
      }
    }
  });

  test("what the administrator is linked to and another role is not answers 403 with an Error, in XML and JSON", async () => {
    for (const version of ["v1_2", "v1_7"]) {
      const adminLinks = (await logon("admin", version)).links.filter(followable);
      for (const who of ["monitor", "operator", "tenant"] as Who[]) {
        const { token, links } = await logon(who, version);
        const given = new Set(links.map((link) => `${link.Rel} ${link.Href}`));
        const withheld = adminLinks.filter((link) => !given.has(`${link.Rel} ${link.Href}`));
        assert.ok(withheld.length > 0, `${who} ${version}`);

        for (const link of withheld) {
          const where = `${who} ${version} ${link.Href}`;
          assertXmlDenied(await call(token, methodOf(link), link.Href), where);
          assertJsonDenied(await call(token, methodOf(link), link.Href, true), where);
        }
      }
    }
  });

  test("a Portal User reads backup sessions but gets 403 for stopping one, for jobs and for security", async () => {
    const { token } = await logon("monitor");
    assert.notEqual((await call(token, "GET", api("backupSessions"))).status, 403);
    assert.notEqual((await call(token, "GET", api(`backupSessions/${ID}`))).status, 403);

    const refused = [
      ["POST", `backupSessions/${ID}?action=stop`],
      ["GET", "jobs"],
      ["GET", `jobs/${ID}?format=Entity`],
      ["POST", `jobs/${ID}?action=start`],
      ["GET", "security"],
      ["POST", "backupServers?action=create"],
    ];
    for (const [method, path] of refused) {
      assertJsonDenied(await call(token, method!, api(path!), true), `${method} ${path}`);
    }
  });

  test("a Restore Operator reaches the catalog, restore sessions, tasks and failover plans, not jobs or servers", async () => {
    const { token } = await logon("operator");
    for (const [method, path] of [
      ["GET", "catalog/vms"],
      ["GET", "restoreSessions"],
      ["GET", "tasks"],
      ["POST", `failoverPlans/${ID}?action=start`],
      ["POST", `failoverPlans/${ID}?action=undo`],
    ]) {
      assert.notEqual((await call(token, method!, api(path!))).status, 403, `${method} ${path}`);
    }
    for (const path of ["jobs", "backupServers", "backupSessions", "reports/summary"]) {
      assertXmlDenied(await call(token, "GET", api(path)), path);
    }
  });

  test("the order is 401, then 403, then 404, 405 or 501", async () => {
    assert.equal((await send(api("jobs"))).status, 401);
    assert.equal((await call("bm90IGEgdG9rZW4=", "GET", api("jobs"))).status, 401);

    const monitor = (await logon("monitor")).token;
    const admin = (await logon("admin")).token;
    assert.equal((await call(monitor, "PUT", api("jobs"))).status, 403);
    assert.equal((await call(monitor, "GET", api(`jobs/${ID}`))).status, 403);
    assert.equal((await call(admin, "GET", api("jobs"))).status, 200);
    assert.equal((await call(admin, "GET", api(`jobs/${ID}`))).status, 404);
    assert.equal((await call(admin, "GET", api("cloud"))).status, 501);
    assert.equal((await call(monitor, "GET", api("backupSessions"))).status, 200);
    assert.equal((await call(monitor, "PUT", api("logonSessions"))).status, 405);
    assert.equal((await call(monitor, "GET", api("noSuchThing"))).status, 404);
  });

  test("a path the router accepts in another spelling is refused all the same", async () => {
    const { token } = await logon("monitor");
    for (const path of ["JOBS", "Jobs/", "/jobs", "%6Aobs", `backupSessions/${ID}?ACTION=Stop`]) {
      const method = path.includes("ACTION") ? "POST" : "GET";
      assert.equal((await call(token, method, api(path))).status, 403, path);
    }
    const head = await call(token, "HEAD", api("jobs"));
    assert.equal(head.status, 403);
    assert.equal(head.raw.length, 0);
  });

  test("a tenant reaches Cloud Connect and its own logon session, and nothing else", async () => {
    const { token, links } = await logon("tenant");
    const own = links.find((link) => link.Rel === "Delete")!.Href;
    assert.notEqual((await call(token, "GET", api("cloud"))).status, 403);
    assert.notEqual((await call(token, "GET", api("cloud/failoverSessions"))).status, 403);
    assert.equal((await call(token, "GET", api("logonSessions"))).status, 200);
    assert.equal((await call(token, "GET", own)).status, 200);

    for (const path of ["backupSessions", "querySvc", "jobs", "reports/summary"]) {
      const reply = await call(token, "GET", api(path), true);
      assertJsonDenied(reply, path);
      assert.equal(
        JSON.parse(reply.body).Message,
        "Access denied. A Cloud Connect tenant may use only /api/cloud and its own logon sessions.",
      );
    }
    assert.equal((await call(token, "DELETE", own)).status, 204);
  });

  test("a 403 says only who may not do what, the same whether or not the ID exists", async () => {
    const { token } = await logon("monitor");
    const reply = await call(token, "GET", api(`jobs/${ID}`), true);
    assert.deepEqual(JSON.parse(reply.body), {
      FirstChanceExceptionMessage: null,
      Message: `Access denied. A Portal User may not GET /api/jobs/${ID.slice(0, 8)}….`,
      StackTrace: null,
      Status: null,
      StatusCode: 403,
    });
    const other = await call(token, "GET", api(`jobs/${ID.replace("5f1e3b8c", "00000000")}`), true);
    assert.equal(other.body.replace("00000000", "5f1e3b8c"), reply.body);
  });
});

function basicOf(who: Who): string {
  const password = { admin: "Adm1n-pw", monitor: "M0nitor-pw", operator: "Op3rator-pw" }[
    who as "admin"
  ];
  return `Basic ${Buffer.from(`${who}:${password}`).toString("base64")}`;
}

function assertXmlDenied(reply: Reply, where: string) {
  assert.equal(reply.status, 403, where);
  const error = parseXml(reply.body).Error;
  assert.ok(error !== undefined, `${where}: ${reply.body}`);
  assert.equal(error["@StatusCode"], "403", where);
  assert.match(error["@Message"], /^Access denied\. /, where);
  assert.doesNotMatch(reply.body, /Href|<Links|<Ref/, where);
}

function assertJsonDenied(reply: Reply, where: string) {
  assert.equal(reply.status, 403, where);
  const error = JSON.parse(reply.body);
  assert.deepEqual(Object.keys(error), ERROR_MEMBERS, where);
  assert.equal(error.StatusCode, 403, where);
  assert.match(error.Message, /^Access denied\. /, where);
}
