import type { JobSession } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import { runningJobCount, scheduledJobCounts } from "./job-figures.js";
import type { JobStatisticsReportFrame } from "./report-frames.js";
import { REPORT_LINKS } from "./report-links.js";
import { inReportPeriod } from "./report-period.js";

/**
 * `/reports/summary/job_statistics`: "performed jobs, their status, duration" (vendor page
 * reports_summary_statistics).
 * - RunningJobs, ScheduledJobs: as in the overview; ScheduledBackupJobs and
 *   ScheduledReplicaJobs split ScheduledJobs by job type, so they add up to it.
 * - TotalJobRuns: job sessions that ended in the report period (the 24 hours before `now`),
 *   so each run counts once, when its result is known; runs still Working do not count.
 *   Successful/Warnings/FailedJobRuns split it by result and add up to it.
 * - MaxJobDuration, MaxBackupJobDuration, MaxReplicaJobDuration: the longest of those runs,
 *   all and by session kind, in whole seconds from creation to end (EM 12 sends 52860 for
 *   a 14.7-hour run); 0 when none. MaxDuration*JobName: that run's job, "" when none.
 */
export function jobStatisticsReport(view: InventoryView, now: number): JobStatisticsReportFrame {
  const runs = view.all("jobSessions").filter((run) => inReportPeriod(run.endTime, now));
  const scheduled = scheduledJobCounts(view);
  const longestBackup = longest(runs.filter((run) => run.kind === "Backup"));
  const longestReplica = longest(runs.filter((run) => run.kind === "Replica"));

  return {
    runningJobs: runningJobCount(view, now),
    scheduledJobs: scheduled.all,
    scheduledBackupJobs: scheduled.backup,
    scheduledReplicaJobs: scheduled.replica,
    totalJobRuns: runs.length,
    successfulJobRuns: runs.filter((run) => run.result === "Success").length,
    warningsJobRuns: runs.filter((run) => run.result === "Warning").length,
    failedJobRuns: runs.filter((run) => run.result === "Failed").length,
    maxJobDuration: Math.max(durationOf(longestBackup), durationOf(longestReplica)),
    maxBackupJobDuration: durationOf(longestBackup),
    maxReplicaJobDuration: durationOf(longestReplica),
    maxDurationBackupJobName: jobNameOf(view, longestBackup),
    maxDurationReplicaJobName: jobNameOf(view, longestReplica),
    backupJobStatusReportLink: REPORT_LINKS.backupJobStatus,
  };
}

/** The longest run; the first in inventory order among equals. */
function longest(runs: JobSession[]): JobSession | undefined {
  let found: JobSession | undefined;
  for (const run of runs) {
    if (found === undefined || durationOf(run) > durationOf(found)) found = run;
  }
  return found;
}

function durationOf(run: JobSession | undefined): number {
  if (run === undefined) return 0;
  return Math.max(0, Math.floor((run.endTime - run.creationTime) / 1000));
}

function jobNameOf(view: InventoryView, run: JobSession | undefined): string {
  if (run === undefined) return "";
  return view.get("jobs", run.jobId)?.name ?? "";
}
