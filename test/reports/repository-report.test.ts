import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { repositoryReport } from "../../src/reports/repository-report.js";
import { GIB } from "../helpers/report-inventory.js";
import { reportSite } from "../helpers/report-site.js";

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe("the repository report frame", () => {
  const { view } = reportSite(NOW);
  const frame = repositoryReport(view);

  it("has one period per repository, in the repositories' order, with its backup files' size", () => {
    assert.deepEqual(frame.periods, [
      {
        name: "Main Repository",
        capacity: 1000 * GIB,
        freeSpace: 400 * GIB,
        backupSize: 110 * GIB,
      },
      { name: "Cloud Bucket", capacity: -1, freeSpace: -1, backupSize: 50 * GIB },
      { name: "Empty Repository", capacity: 500 * GIB, freeSpace: 500 * GIB, backupSize: 0 },
    ]);
  });

  it("links to a capacity planning page of the web UI", () => {
    assert.match(
      frame.capacityPlanningReportLink,
      /^Workspace\/ViewReport\.aspx\?definition=[0-9a-f-]{36}&ShowParams=1$/,
    );
  });
});
