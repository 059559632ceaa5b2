import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { apiRoutes } from "../../src/http/routes.js";
import { OPEN_PATHS } from "../../src/sessions/link-access.js";
import type { Role } from "../../src/store/store.js";
import { send } from "../helpers/client.js";
import { fixtureInventory } from "../helpers/inventory-fixture.js";
import { methodOf, walkLinks, type Walk, type WalkLink } from "../helpers/link-walk.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

const PASSWORD = "L1nk-walk-pw";
const ACCOUNTS: Record<Exclude<Role, "None">, string> = {
  PortalAdministrator: "admin",
  PortalUser: "monitor",
  RestoreOperator: "operator",
};

interface Logon {
  token: string;
  href: string;
  links: WalkLink[];
}

describe("links inside resources: what each role is handed, it may follow", () => {
  let server: TestServer;
  const walks = new Map<string, Walk>();

  before(async () => {
    // Job runs end soon, so a walk that starts one sees it finish and gets its task's links.
    server = await startTestServer({
      inventory: fixtureInventory(),
      flags: { jobRunLength: "1s" },
    });
    for (const [role, name] of Object.entries(ACCOUNTS)) {
      await server.addAccount(name, PASSWORD, role as Role);
    }
    await server.addTenant("ABC Company", PASSWORD);
  });
  after(() => server.close());

  async function logon(role: keyof typeof ACCOUNTS | "tenant"): Promise<Logon> {
    const url = `${server.http}/api/sessionMngr/?v=latest`;
    const headers: Record<string, string> = { accept: "application/json" };
    let body: string | undefined;
    if (role === "tenant") {
      headers["content-type"] = "application/json";
      body = JSON.stringify({ TenantCredentials: { Username: "ABC Company", Password: PASSWORD } });
    } else {
      const basic = Buffer.from(`${ACCOUNTS[role]}:${PASSWORD}`).toString("base64");
      headers.authorization = `Basic ${basic}`;
    }
    const reply = await send(url, { method: "POST", headers, body });
    assert.equal(reply.status, 201, reply.body);

    const session = JSON.parse(reply.body);
    const links = session.Links.map((l: any) => ({ rel: l.Rel, href: l.Href }));
    return { token: String(reply.headers["x-restsvcsessionid"]), href: session.Href, links };
  }

  /** Walks a role's links; `perform` also sends its actions. Logs off with its Delete link. */
  async function walkAs(role: keyof typeof ACCOUNTS | "tenant", perform: boolean) {
    const session = await logon(role);
    const walk = await walkLinks({
      token: session.token,
      start: session.links,
      origin: session.href,
      perform,
    });
    const logoff = session.links.find((link) => link.rel === "Delete")!;
    const ended = await send(logoff.href, {
      method: "DELETE",
      headers: { "x-restsvcsessionid": session.token },
    });
    assert.equal(ended.status, 204, `${role} logs off with its own Delete link`);
    return walk;
  }

  function assertNoneRefused(walk: Walk, who: string) {
    const refused = walk.followed.filter((f) => f.status === 403 || f.status === 401);
    const shown = refused.map((f) => `${f.method} ${f.href} (${f.rel} in ${f.from}) ${f.status}`);
    assert.deepEqual(shown, [], `${who} was handed links that refuse it`);
    assert.deepEqual(walk.mismatches, [], `${who}: XML and JSON carry different links`);
  }

  for (const role of ["PortalUser", "RestoreOperator"] as const) {
    test(`no link handed to a ${role} inside any resource answers 403, in XML or JSON`, async () => {
      const walk = await walkAs(role, true);
      walks.set(role, walk);

      assertNoneRefused(walk, role);
      const read = walk.followed.filter((f) => f.method === "GET" && f.status === 200);
      assert.ok(read.length > 40, `${role} read only ${read.length} resources`);
    });
  }

  test("a Portal User and a Restore Operator get 403 for every link they are not handed in a resource an administrator reads", async () => {
    const admin = await walkAs("PortalAdministrator", false);
    let withheldCount = 0;

    for (const role of ["PortalUser", "RestoreOperator"] as const) {
      const walk = walks.get(role) ?? (await walkAs(role, false));
      const { token } = await logon(role);
      const withheld = new Set<string>();
      for (const [href, links] of walk.links) {
        // A logon session and the services link Up to the caller's own session.
        if (href.includes("/logonSessions")) continue;
        for (const link of admin.links.get(href) ?? []) {
          if (!links.has(link) && !link.includes("/logonSessions/")) withheld.add(link);
        }
      }

      for (const name of withheld) {
        const [rel, href] = name.split(" ") as [string, string];
        const method = methodOf({ rel, href });
        const reply = await send(href, { method, headers: { "x-restsvcsessionid": token } });
        assert.equal(reply.status, 403, `${role}: ${method} ${href} was left out of a resource`);
      }
      withheldCount += withheld.size;
    }
    assert.ok(withheldCount > 0, "the roles were handed exactly what an administrator is");
  });

  test("no link handed to a Portal Administrator answers 403, its job actions performed included", async () => {
    const walk = await walkAs("PortalAdministrator", true);

    assertNoneRefused(walk, "PortalAdministrator");
    const started = walk.followed.filter((f) => /\/jobs\/[^/?]+\?action=start$/.test(f.href));
    assert.ok(started.length > 0, "the walk started no job");
    assert.ok(
      started.every((f) => f.status === 202),
      "a job start answers 202 with its task",
    );
  });

  test("a tenant is handed only Cloud Connect, the entry point and its own logon session", async () => {
    const walk = await walkAs("tenant", true);

    assertNoneRefused(walk, "tenant");
    for (const { href } of walk.followed) {
      assert.match(new URL(href).pathname, /^\/api\/(cloud|logonSessions)?(\/|$)/, href);
    }
  });

  test("the paths a link may point at without a role check are exactly those served without a session", () => {
    const open = apiRoutes()
      .filter((route) => !route.authenticated)
      .map((route) => route.url.replace(/^\/api\/?/, "").toLowerCase());
    assert.deepEqual(open.sort(), [...OPEN_PATHS].sort());
  });
});
