/**
 * Every captured EM reply in test/fixtures/ (docs/fixtures.md lists them) against what emrest
 * serves for the same request: same members in the same order at every level, the same nulls,
 * the same types and the same links. A server run as by default (`--json-casing pascal`) is
 * compared with EM 12's captures; one run with `--json-casing camel` with EM 13's, key for
 * key exactly as EM 13 spells them.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { basic } from "../helpers/client.js";
import { assertSameShape, inCamelCase, readFixture } from "../helpers/capture-shape.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";

interface Capture {
  file: string;
  /** The path under `/api/` the capture answers. */
  path: string;
}

const EM12: Capture[] = [
  { file: "veeam_api_v12.json", path: "" },
  { file: "veeam_overview_metrics_v12.json", path: "reports/summary/overview" },
  { file: "veeam_overview_vms_metrics_v12.json", path: "reports/summary/vms_overview" },
  { file: "job_overview_metrics_v12.json", path: "reports/summary/job_statistics" },
  { file: "backup_servers_metrics_v12.json", path: "backupServers?format=Entity" },
  // Named as the repository report, but the repositories' entities (see their links).
  { file: "veeam_repositories_overview_metrics_v12.json", path: "repositories?format=Entity" },
  { file: "veeam_agent_metrics_v12.json", path: "agents/discoveredComputers?format=Entity" },
];

const EM13: Capture[] = [
  { file: "veeam_api_v13.json", path: "" },
  // Named as an overview report, but the EM 13 entry point (see its links).
  { file: "veeam_overview_metrics_v13.json", path: "" },
  { file: "veeam_overview_vms_metrics_v13.json", path: "reports/summary/vms_overview" },
  { file: "job_overview_metrics_v13.json", path: "reports/summary/job_statistics" },
  { file: "backup_servers_metrics_v13.json", path: "backupServers?format=Entity" },
  { file: "veeam_repositories_overview_metrics_v13.json", path: "repositories?format=Entity" },
];

const CASINGS = [
  { casing: "pascal", em: 12, captures: EM12 },
  { casing: "camel", em: 13, captures: EM13 },
] as const;

for (const { casing, em, captures } of CASINGS) {
  describe(`served replies with --json-casing ${casing} against the captured EM ${em} replies`, () => {
    let api: InventoryServer;
    before(async () => (api = await startInventoryServer(undefined, { jsonCasing: casing })));
    after(() => api.close());
    const options = { casing, served: casing };

    for (const { file, path } of captures) {
      it(`answers GET /api/${path} in the shape of ${file}`, async () => {
        assertSameShape(await api.json(path), readFixture(file), options);
      });
    }

    // Not from the inventory: EM's built-in report definitions, the same in both captures (from
    // two different servers) and on the vendor's reports_summary pages.
    for (const [frame, member, file] of [
      ["vms_overview", "ProtectedVmsReportLink", `veeam_overview_vms_metrics_v${em}.json`],
      ["job_statistics", "BackupJobStatusReportLink", `job_overview_metrics_v${em}.json`],
    ]) {
      it(`links ${frame} to EM's own report definition, as ${file} does`, async () => {
        const served = await api.json(`reports/summary/${frame}`);
        const captured = readFixture(file);
        const name = Object.keys(captured).find(
          (key) => key.toLowerCase() === member.toLowerCase(),
        );
        assert.ok(
          name !== undefined && served[name] !== undefined,
          `${member} is served as ${name}`,
        );
        assert.equal(served[name], captured[name]);
      });
    }

    // No EM 13 capture shows a logon: EM 13's spelling of the EM 12 one is what it would send.
    it(`answers an administrator's logon in the shape of veeam_login_v12.json, EM ${em}'s spelling`, async () => {
      await api.server.addAccount("emuser", "pw");
      const reply = await api.server.request(`${api.api}sessionMngr/?v=latest`, {
        method: "POST",
        headers: { authorization: basic("emuser", "pw"), accept: "application/json" },
      });

      assert.equal(reply.status, 201);
      const captured = readFixture("veeam_login_v12.json");
      const expected = casing === "camel" ? inCamelCase(captured) : captured;
      assertSameShape(JSON.parse(reply.body), expected, options);
    });
  });
}

describe("query pages with --json-casing camel against the captured EM 13 query replies", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer(undefined, { jsonCasing: "camel" })));
  after(() => api.close());
  const options = { casing: "camel", served: "camel" } as const;

  // The captured sessions are not in the test inventory; the page around them (QueryResult,
  // every member of entities, pagingInfo) is compared with the objects left out, and one
  // served object with a captured one that has the same links.
  const emptied = (page: any, list: string) => {
    page.entities[list][list] = [];
    return page;
  };

  for (const [type, list, file, path, item] of [
    [
      "BackupJobSession",
      "backupJobSessions",
      "backup_jobs_sessions_metrics_v13.json",
      "backupSessions/45f138d9-7e5e-4140-bd33-088cc207a0f9?format=Entity",
      // The captured session's one Related link leads to a restore point ours does not have.
      (captured: any) => ({
        ...captured,
        links: captured.links.filter((link: any) => link.rel !== "Related"),
      }),
    ],
    [
      "BackupTaskSession",
      "backupTaskSessions",
      "backup_jobs_tasks_sessions_metrics_v13.json",
      "backupTaskSessions/5c8add49-6b08-4147-bc38-00293667728a?format=Entity",
      (captured: any) => captured,
    ],
  ] as const) {
    it(`answers a query of ${type} entities in the shape of ${file}`, async () => {
      const served = await api.json(`query?type=${type}&format=Entities`);
      const captured = readFixture(file);
      assert.ok(served.entities[list][list].length > 0, "the page holds sessions");
      for (const object of served.entities[list][list]) {
        assert.deepEqual(Object.keys(object), Object.keys(captured.entities[list][list][0]));
      }
      assertSameShape(emptied(served, list), emptied(captured, list), options);
    });

    it(`answers GET /api/${path} in the shape of an object of ${file}`, async () => {
      const captured = readFixture(file).entities[list][list][0];
      assertSameShape(await api.json(path), item(captured), options);
    });
  }
});
