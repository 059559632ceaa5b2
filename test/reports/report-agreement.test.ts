import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { sessionState, type JobType, type Result } from "../../src/inventory/model.js";
import { defaultInventory } from "../../src/inventory/default-inventory.js";
import { generateInventory } from "../../src/inventory/generate.js";
import { InventoryView } from "../../src/inventory/view.js";
import { jobStatisticsReport } from "../../src/reports/job-statistics-report.js";
import { overviewReport } from "../../src/reports/overview-report.js";
import { processedVmsReport } from "../../src/reports/processed-vms-report.js";
import { repositoryReport } from "../../src/reports/repository-report.js";
import { vmsOverviewReport } from "../../src/reports/vms-overview-report.js";
import { DAY, GIB, MINUTE, ReportInventoryBuilder } from "../helpers/report-inventory.js";

/**
 * On random sites, the frames agree with each other and with what the lists of the same
 * inventory show: each count is recomputed here from the collections, the way a client
 * would from `/jobs`, `/backupSessions` or `/repositories`.
 */
const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);
const ENDED: Exclude<Result, "None">[] = ["Success", "Warning", "Failed"];

const siteSpec = fc.record({
  vmSizes: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 6 }),
  repositories: fc.array(fc.integer({ min: -1, max: 2000 }), { minLength: 1, maxLength: 3 }),
  roles: fc.array(fc.subarray(["Proxy", "Repository", "WanAccelerator"] as const), {
    maxLength: 5,
  }),
  jobs: fc.array(
    fc.record({
      jobType: fc.constantFrom<JobType>("Backup", "Replica", "BackupCopy"),
      scheduleConfigured: fc.boolean(),
      scheduleEnabled: fc.boolean(),
      repository: fc.nat(),
      vms: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    }),
    { maxLength: 6 },
  ),
  runs: fc.array(
    fc.record({
      job: fc.nat(),
      // From nine days before NOW to an hour after it, in minutes.
      startMinute: fc.integer({ min: -9 * 24 * 60, max: 60 }),
      minutes: fc.integer({ min: 1, max: 900 }),
      result: fc.constantFrom(...ENDED),
      taskResults: fc.array(fc.constantFrom(...ENDED), { minLength: 4, maxLength: 4 }),
      file: fc.option(
        fc.record({
          type: fc.constantFrom("vbk", "vib") as fc.Arbitrary<"vbk" | "vib">,
          size: fc.nat(1000),
        }),
      ),
    }),
    { maxLength: 20 },
  ),
});

type SiteSpec = typeof siteSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: SiteSpec): InventoryView {
  const site = new ReportInventoryBuilder();
  const server = site.backupServer("vbr");
  spec.roles.forEach((roles, i) => site.managedServer(server, `srv${i}`, [...roles]));
  const repositories = spec.repositories.map((gib, i) =>
    site.repository(server, `repo${i}`, gib * GIB, Math.floor(gib / 2) * GIB),
  );
  const vms = spec.vmSizes.map((gib, i) => site.vm(`vm${i}`, gib * GIB));
  const jobs = spec.jobs.map((job, i) =>
    site.job(server, {
      name: `job${i}`,
      jobType: job.jobType,
      scheduleConfigured: job.scheduleConfigured,
      scheduleEnabled: job.scheduleEnabled,
      repository: repositories[job.repository % repositories.length],
      vms: [...new Set(job.vms.map((v) => vms[v % vms.length]))],
    }),
  );

  for (const run of spec.runs) {
    if (jobs.length === 0) break;
    const job = jobs[run.job % jobs.length];
    const start = NOW + run.startMinute * MINUTE;
    const tasks = job.vmIds.map((vmId, i) => ({
      vm: vms.find((vm) => vm.id === vmId)!,
      result: run.taskResults[i % run.taskResults.length],
    }));
    const hasPoint = tasks.some((task) => task.result !== "Failed");
    const files = job.jobType !== "Replica" && hasPoint && run.file ? [run.file] : [];
    site.run(job, { start, end: start + run.minutes * MINUTE, result: run.result, tasks, files });
  }
  return site.view();
}

function check(view: InventoryView): void {
  const overview = overviewReport(view, NOW);
  const statistics = jobStatisticsReport(view, NOW);
  const vmsOverview = vmsOverviewReport(view, NOW);
  const jobs = view.all("jobs");
  const sessions = view.all("jobSessions");

  // Jobs list: ScheduleConfigured and ScheduleEnabled both true.
  const scheduled = jobs.filter((job) => job.scheduleConfigured && job.scheduleEnabled);
  assert.equal(overview.scheduledJobs, scheduled.length);
  assert.equal(statistics.scheduledJobs, scheduled.length);
  assert.equal(
    statistics.scheduledReplicaJobs,
    scheduled.filter((j) => j.jobType === "Replica").length,
  );
  assert.equal(statistics.scheduledBackupJobs + statistics.scheduledReplicaJobs, scheduled.length);

  // Sessions list: distinct jobs with a session whose State is Working now.
  const working = sessions.filter(
    (s) => s.creationTime <= NOW && sessionState(s, NOW).state === "Working",
  );
  assert.equal(overview.runningJobs, new Set(working.map((s) => s.jobId)).size);
  assert.equal(statistics.runningJobs, overview.runningJobs);

  // Sessions list filtered by EndTimeUTC in the last 24 hours, by Result.
  const ended = sessions.filter((s) => s.endTime > NOW - DAY && s.endTime <= NOW);
  assert.equal(statistics.totalJobRuns, ended.length);
  assert.equal(statistics.successfulJobRuns, ended.filter((s) => s.result === "Success").length);
  assert.equal(statistics.warningsJobRuns, ended.filter((s) => s.result === "Warning").length);
  assert.equal(statistics.failedJobRuns, ended.filter((s) => s.result === "Failed").length);
  assert.equal(
    statistics.maxJobDuration,
    Math.max(statistics.maxBackupJobDuration, statistics.maxReplicaJobDuration),
  );
  const longest = Math.max(0, ...ended.map((s) => Math.floor((s.endTime - s.creationTime) / 1000)));
  assert.equal(statistics.maxJobDuration, longest);

  // Task sessions list: every VM with a finished task has exactly one latest state.
  const processed = new Set(
    view
      .all("taskSessions")
      .filter((t) => t.endTime <= NOW)
      .map((t) => t.vmId),
  );
  const states =
    overview.successfulVmLastestStates +
    overview.warningVmLastestStates +
    overview.failedVmLastestStates;
  assert.equal(states, processed.size);
  const expectedPercent =
    states === 0 ? 0 : Math.floor((overview.successfulVmLastestStates * 100) / states);
  assert.equal(vmsOverview.successBackupPercents, expectedPercent);

  // Restore point lists: protected VMs are those with a backup or a replica point.
  assert.ok(
    vmsOverview.protectedVms >= Math.max(vmsOverview.backedUpVms, vmsOverview.replicatedVms),
  );
  assert.ok(vmsOverview.protectedVms <= vmsOverview.backedUpVms + vmsOverview.replicatedVms);
  // vApps count as backed up too (the report's definition); only generated sites have them.
  const backupPoints = [...view.all("vmRestorePoints"), ...view.all("vAppRestorePoints")];
  assert.equal(vmsOverview.backedUpVms, new Set(backupPoints.map((p) => p.vmId)).size);

  // Processed VMs: seven days, a day apart, newest first, never more VMs than exist.
  const days = processedVmsReport(view, NOW).days;
  assert.equal(days.length, 7);
  days.slice(1).forEach((day, i) => assert.equal(days[i].timestamp - day.timestamp, DAY));
  for (const day of days) {
    assert.equal(day.backupedVms, vmsProcessedOn(view, day.timestamp, "Backup"));
    assert.equal(day.replicatedVms, vmsProcessedOn(view, day.timestamp, "Replica"));
  }

  // Repositories list: one period per repository, in order; backup files' sizes all land.
  const periods = repositoryReport(view).periods;
  assert.deepEqual(
    periods.map((p) => p.name),
    view.all("repositories").map((r) => r.name),
  );
  const fileBytes = view.all("backupFiles").reduce((total, file) => total + file.backupSize, 0);
  assert.equal(
    periods.reduce((total, p) => total + p.backupSize, 0),
    fileBytes,
  );
}

/** Task sessions list: distinct VMs whose task of this kind ended that UTC day by NOW, not Failed. */
function vmsProcessedOn(view: InventoryView, midnight: number, kind: "Backup" | "Replica"): number {
  const tasks = view
    .all("taskSessions")
    .filter(
      (task) =>
        task.endTime >= midnight &&
        task.endTime < midnight + DAY &&
        task.endTime <= NOW &&
        task.result !== "Failed" &&
        view.get("jobSessions", task.jobSessionId)?.kind === kind,
    );
  return new Set(tasks.map((task) => task.vmId)).size;
}

describe("report figures on random sites", () => {
  it("agree with each other and with the collections they summarise", () => {
    fc.assert(
      fc.property(siteSpec, (spec) => check(build(spec))),
      { numRuns: 200 },
    );
  });
});

describe("report figures on generated sites", () => {
  it("agree with the lists of the default site", () => {
    check(new InventoryView(defaultInventory(NOW)));
  });

  it("agree with the lists of generated sites of odd sizes", () => {
    for (const size of [
      { servers: 1, jobs: 20, vms: 5, days: 7 },
      { servers: 3, jobs: 3, vms: 100, days: 7 },
      { servers: 3, jobs: 40, vms: 400, days: 9 },
    ]) {
      check(new InventoryView(generateInventory({ ...size, seed: "reports", now: NOW })));
    }
  });
});
