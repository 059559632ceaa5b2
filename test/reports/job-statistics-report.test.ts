import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { jobStatisticsReport } from "../../src/reports/job-statistics-report.js";
import { emptyInventory } from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import { DAY, HOUR, MINUTE } from "../helpers/report-inventory.js";
import { reportSite } from "../helpers/report-site.js";

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe("the job statistics report frame", () => {
  const { view } = reportSite(NOW);
  const frame = jobStatisticsReport(view, NOW);

  it("counts running and scheduled jobs, split into backup and replica jobs", () => {
    assert.equal(frame.runningJobs, 1);
    assert.equal(frame.scheduledJobs, 4);
    // The backup copy job counts as a backup job.
    assert.equal(frame.scheduledBackupJobs, 3);
    assert.equal(frame.scheduledReplicaJobs, 1);
  });

  it("counts the runs that ended in the 24 hours before now, by result", () => {
    // In: the failed run that started 25 h ago, the warning, the replica and the copy.
    // Out: the run three days ago, the one that ended exactly 24 h ago, the running one.
    assert.equal(frame.totalJobRuns, 4);
    assert.equal(frame.successfulJobRuns, 2);
    assert.equal(frame.warningsJobRuns, 1);
    assert.equal(frame.failedJobRuns, 1);
  });

  it("gives the longest run of each kind in seconds, with its job's name", () => {
    assert.equal(frame.maxBackupJobDuration, 5400);
    assert.equal(frame.maxDurationBackupJobName, "Daily");
    assert.equal(frame.maxReplicaJobDuration, 1800);
    assert.equal(frame.maxDurationReplicaJobName, "Replica DR");
    assert.equal(frame.maxJobDuration, 5400);
  });

  it("links to a job status report page of the web UI", () => {
    assert.match(
      frame.backupJobStatusReportLink,
      /^Workspace\/ViewReport\.aspx\?definition=[0-9a-f-]{36}&ShowParams=1$/,
    );
  });

  it("counts the running job's run once it has ended, and drops runs as they age out", () => {
    const later = jobStatisticsReport(view, NOW + HOUR);
    assert.equal(later.runningJobs, 0);
    // The running job's failure joins; the failed run that ended 23.5 h before NOW leaves.
    assert.equal(later.totalJobRuns, 4);
    assert.equal(later.failedJobRuns, 1);
    assert.equal(later.maxBackupJobDuration, 3600);

    // A day later only the running job's run, which ended 50 minutes after NOW, is left.
    const nextDay = jobStatisticsReport(view, NOW + DAY + MINUTE);
    assert.equal(nextDay.totalJobRuns, 1);
    assert.equal(nextDay.maxDurationBackupJobName, "Running");
    assert.equal(jobStatisticsReport(view, NOW + 2 * DAY).totalJobRuns, 0);
  });

  it("reports zeros and empty names for a site with no runs", () => {
    const empty = jobStatisticsReport(new InventoryView(emptyInventory()), NOW);
    assert.equal(empty.totalJobRuns, 0);
    assert.equal(empty.maxJobDuration, 0);
    assert.equal(empty.maxDurationBackupJobName, "");
    assert.equal(empty.maxDurationReplicaJobName, "");
  });
});
