/**
 * Every captured EM reply in test/fixtures/ (docs/fixtures.md lists them) against what emrest
 * serves for the same request: same members in the same order at every level, the same nulls,
 * the same types and the same links. EM 13's captures are camelCase, which emrest does not
 * write (README, "Not yet"): they are compared key for key as EM 13 would spell ours.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { basic } from "../helpers/client.js";
import { assertSameShape, camelName, readFixture } from "../helpers/capture-shape.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";

interface Capture {
  file: string;
  /** The path under `/api/` the capture answers. */
  path: string;
}

const captures: Capture[] = [
  { file: "veeam_api_v12.json", path: "" },
  { file: "veeam_api_v13.json", path: "" },
  // Named as an overview report, but the EM 13 entry point (see its links).
  { file: "veeam_overview_metrics_v13.json", path: "" },
  { file: "veeam_overview_metrics_v12.json", path: "reports/summary/overview" },
  { file: "veeam_overview_vms_metrics_v12.json", path: "reports/summary/vms_overview" },
  { file: "veeam_overview_vms_metrics_v13.json", path: "reports/summary/vms_overview" },
  { file: "job_overview_metrics_v12.json", path: "reports/summary/job_statistics" },
  { file: "job_overview_metrics_v13.json", path: "reports/summary/job_statistics" },
  { file: "backup_servers_metrics_v12.json", path: "backupServers?format=Entity" },
  { file: "backup_servers_metrics_v13.json", path: "backupServers?format=Entity" },
  // Named as the repository report, but the repositories' entities (see their links).
  { file: "veeam_repositories_overview_metrics_v12.json", path: "repositories?format=Entity" },
  { file: "veeam_repositories_overview_metrics_v13.json", path: "repositories?format=Entity" },
  { file: "veeam_agent_metrics_v12.json", path: "agents/discoveredComputers?format=Entity" },
];

const casingOf = (file: string) => (file.includes("_v13") ? "camel" : "pascal");

describe("served replies against the captured EM replies", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  for (const { file, path } of captures) {
    it(`answers GET /api/${path} in the shape of ${file}`, async () => {
      const served = await api.json(path);
      assertSameShape(served, readFixture(file), { casing: casingOf(file) });
    });
  }

  // Not from the inventory: EM's built-in report definitions, the same in both captures (from
  // two different servers) and on the vendor's reports_summary pages.
  for (const [frame, member, file] of [
    ["vms_overview", "ProtectedVmsReportLink", "veeam_overview_vms_metrics_v12.json"],
    ["job_statistics", "BackupJobStatusReportLink", "job_overview_metrics_v12.json"],
  ]) {
    it(`links ${frame} to EM's own report definition, as ${file} does`, async () => {
      const served = await api.json(`reports/summary/${frame}`);
      const captured = readFixture(file);
      assert.equal(served[member], captured[member]);
      assert.equal(served[member], readFixture(file.replace("_v12", "_v13"))[camelName(member)]);
    });
  }

  it("answers an administrator's logon in the shape of veeam_login_v12.json", async () => {
    await api.server.addAccount("emuser", "pw");
    const reply = await api.server.request(`${api.api}sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic("emuser", "pw"), accept: "application/json" },
    });

    assert.equal(reply.status, 201);
    assertSameShape(JSON.parse(reply.body), readFixture("veeam_login_v12.json"));
  });
});
