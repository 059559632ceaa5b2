import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import type { Link } from "../../src/representation/representation.js";
import {
  API_VERSIONS,
  LINKED_RESOURCE_PATHS,
  entryPointModel,
  logonSessionLinks,
  resolveVersion,
} from "../../src/sessions/link-sets.js";
import type { Role } from "../../src/store/store.js";

const BASE = "https://em.example.com:9398/api/";
const ID = "b9a759dd-4496-4f50-8fc0-f925aa283f8d";

function linksFor(
  version: string,
  role: Role = "PortalAdministrator",
  apiBase = BASE,
  sessionId = ID,
) {
  return logonSessionLinks({ apiBase, version, role, kind: "account", sessionId });
}

/** The 68 links of the EM 12 administrator logon capture. */
function capturedV12(): Link[] {
  const body = JSON.parse(readFileSync("test/fixtures/veeam_login_v12.json", "utf8"));
  return (body.Links as Record<string, string | null>[]).map((l) => ({
    rel: l.Rel as string,
    href: l.Href as string,
    name: l.Name,
    type: l.Type,
  }));
}

/** The 47 links of the vendor's 9.x /logonSessions example. */
function documented9x(): Link[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });
  const xml = readFileSync("test/fixtures/logonsessions-reference-example.xml", "utf8");
  const links = parser.parse(xml).LogonSessions.LogonSession.Links.Link as Record<string, string>[];
  return links.map((l) => ({
    rel: l.Rel,
    href: l.Href,
    name: l.Name ?? null,
    type: l.Type ?? null,
  }));
}

const DOC_BASE = "http://localhost:9399/api/";
const DOC_ID = "372a8d3c-9b3b-479d-9027-ec814e19115e";
const pathOf = (link: Link, base = BASE) => link.href.slice(base.length);
const down = (type: string, path: string): Link => ({
  rel: "Down",
  href: DOC_BASE + path,
  name: null,
  type,
});

describe("API versions", () => {
  it("lists v1 to v1_7, oldest first", () => {
    assert.deepEqual(
      [...API_VERSIONS],
      ["v1", "v1_1", "v1_2", "v1_3", "v1_4", "v1_5", "v1_6", "v1_7"],
    );
  });

  it("resolves a missing, empty or latest version to v1_7, in any case", () => {
    for (const v of [undefined, "", "latest", "LATEST", "Latest", " latest "]) {
      assert.equal(resolveVersion(v), "v1_7", String(v));
    }
  });

  it("resolves known versions case-insensitively and refuses unknown ones", () => {
    assert.equal(resolveVersion("V1_5"), "v1_5");
    assert.equal(resolveVersion("v1"), "v1");
    for (const v of ["v1_8", "v9", "1.7", "v1_0", "v1_7x", "constructor"]) {
      assert.equal(resolveVersion(v), undefined, v);
    }
  });
});

describe("LogonSession links of a Portal Administrator", () => {
  it("gives v1_7 the 68 links EM 12 sent, in order, with an untyped Delete", () => {
    assert.deepEqual(linksFor("v1_7"), capturedV12());
  });

  it("gives v1, v1_1 and v1_2 the 47 documented 9.x links, with a typed Delete", () => {
    for (const version of ["v1", "v1_1", "v1_2"]) {
      assert.deepEqual(linksFor(version, "PortalAdministrator", DOC_BASE, DOC_ID), documented9x());
    }
  });

  it("gives v1_3 and v1_4 list B: the 9.x links plus backup files and vCloud", () => {
    const expected = documented9x();
    const at = (type: string) => expected.findIndex((l) => l.type === type);
    expected.splice(
      at("WanAcceleratorReferenceList") + 1,
      0,
      down("BackupFileReferenceList", "backupFiles"),
    );
    expected.splice(
      at("WanAcceleratorList") + 1,
      0,
      down("VCloudService", "vCloud"),
      down("BackupFileList", "backupFiles?format=Entity"),
    );
    expected[expected.length - 1] = { ...expected[expected.length - 1], type: null };

    for (const version of ["v1_3", "v1_4"]) {
      assert.deepEqual(linksFor(version, "PortalAdministrator", DOC_BASE, DOC_ID), expected);
    }
  });

  it("gives v1_5 and v1_6 list C: v1_7's links without CDP, vApp replicas, system sessions", () => {
    const newInV12 = /^(cdp|vAppReplicaPoints|systemSessions)/;
    const expected = capturedV12().filter((l) => !newInV12.test(pathOf(l)));
    assert.equal(expected.length, 54);
    assert.deepEqual(linksFor("v1_5"), expected);
    assert.deepEqual(linksFor("v1_6"), expected);
  });

  it("points Up at the API base and Delete at the session, with the id escaped", () => {
    const links = linksFor("v1_7", "PortalAdministrator", BASE, "a/b?c");
    assert.deepEqual(links[0], { rel: "Up", href: BASE, name: null, type: "EnterpriseManager" });
    assert.equal(links.at(-1)?.href, `${BASE}logonSessions/a%2Fb%3Fc`);
  });
});

describe("LogonSession links by role and principal", () => {
  it("hides jobs, failover plans, security, CDP and server creation from a Portal User", () => {
    const admin = linksFor("v1_7");
    const user = linksFor("v1_7", "PortalUser");
    const shown = new Set(user.map((l) => pathOf(l)));
    const hidden = admin.map((l) => pathOf(l)).filter((p) => !shown.has(p));

    assert.deepEqual(
      user,
      admin.filter((l) => shown.has(pathOf(l))),
      "order is kept",
    );
    assert.deepEqual(hidden.map((p) => p.split("?")[0]).sort(), [
      "backupServers",
      "cdpPolicies",
      "cdpPolicies",
      "cdpReplica/vApps",
      "cdpReplica/vApps",
      "cdpReplica/vms",
      "cdpReplica/vms",
      "failoverPlans",
      "failoverPlans",
      "jobs",
      "jobs",
      "security",
      "systemSessions",
      "systemSessions",
    ]);
    assert.ok(user.some((l) => pathOf(l) === "backupServers?format=Entity"));
    assert.ok(user.some((l) => pathOf(l) === "reports/summary"));
  });

  it("gives a Restore Operator only the restore resources of the role matrix", () => {
    const paths = linksFor("v1_7", "RestoreOperator").map((l) => `${l.rel} ${pathOf(l)}`);
    const entity = (p: string) => `Down ${p}?format=Entity`;
    assert.deepEqual(paths, [
      "Up ",
      "Down failoverPlans",
      "Down backups",
      "Down restorePoints",
      "Down vmRestorePoints",
      "Down vAppRestorePoints",
      "Down replicas",
      "Down vmReplicaPoints",
      "Down catalog/vms",
      "Down restoreSessions",
      "Down vAppReplicaPoints",
      "Down tasks",
      "Down querySvc",
      entity("failoverPlans"),
      entity("backups"),
      entity("restorePoints"),
      entity("vmRestorePoints"),
      entity("vAppRestorePoints"),
      entity("replicas"),
      entity("vmReplicaPoints"),
      entity("catalog/vms"),
      entity("restoreSessions"),
      "Down agents",
      entity("vAppReplicaPoints"),
      `Delete logonSessions/${ID}`,
    ]);
  });

  it("keeps the Cloud Connect link of old versions for administrators only", () => {
    const hasCloud = (role: Role) => linksFor("v1_2", role).some((l) => pathOf(l) === "cloud");
    assert.deepEqual(
      ["PortalAdministrator", "PortalUser", "RestoreOperator"].map((r) => hasCloud(r as Role)),
      [true, false, false],
    );
  });

  it("gives a tenant only Up, Cloud Connect and a typed Delete, in every version", () => {
    for (const version of API_VERSIONS) {
      for (const role of ["PortalAdministrator", "RestoreOperator", "None"] as Role[]) {
        const links = logonSessionLinks({
          apiBase: BASE,
          version,
          role,
          kind: "tenant",
          sessionId: ID,
        });
        assert.deepEqual(links, [
          { rel: "Up", href: BASE, name: null, type: "EnterpriseManager" },
          { rel: "Down", href: `${BASE}cloud`, name: null, type: "CloudConnectService" },
          { rel: "Delete", href: `${BASE}logonSessions/${ID}`, name: null, type: "LogonSession" },
        ]);
      }
    }
  });

  it("refuses an account without a role, an unresolved version and a relative base", () => {
    assert.throws(() => linksFor("v1_7", "None"), /without a role/);
    assert.throws(() => linksFor("latest"), /unresolved API version/);
    assert.throws(() => linksFor("v1_7", "PortalAdministrator", "/api/"), /absolute URL/);
    assert.throws(() => entryPointModel("https://em:9398/"), /ending in \/api\//);
  });
});

describe("LINKED_RESOURCE_PATHS", () => {
  it("names every resource any link set points at, once, without query or logonSessions", () => {
    const seen = new Set<string>();
    for (const version of API_VERSIONS) {
      for (const role of ["PortalAdministrator", "PortalUser", "RestoreOperator"] as Role[]) {
        for (const l of linksFor(version, role)) seen.add(pathOf(l).split("?")[0]);
      }
    }
    seen.delete("");
    seen.delete(`logonSessions/${ID}`);

    assert.deepEqual([...LINKED_RESOURCE_PATHS].sort(), [...seen].sort());
    assert.equal(new Set(LINKED_RESOURCE_PATHS).size, LINKED_RESOURCE_PATHS.length);
    assert.equal(LINKED_RESOURCE_PATHS.length, 38);
    for (const path of [
      "catalog/vms",
      "cdpReplica/vms",
      "cloud",
      "reports/summary",
      "selfService/vSphere",
    ]) {
      assert.ok(LINKED_RESOURCE_PATHS.includes(path), path);
    }
  });
});
