import type { InventoryView } from "../inventory/view.js";
import { runningJobCount, scheduledJobCounts } from "./job-figures.js";
import type { OverviewReportFrame } from "./report-frames.js";
import { countLatestStates } from "./vm-latest-states.js";

/**
 * `/reports/summary/overview`: "backup infrastructure components and performed backup and
 * replication jobs" (vendor page reports_summary_overview).
 * - BackupServers: the backup servers EM manages.
 * - ProxyServers, RepositoryServers: managed servers holding the backup proxy, or the backup
 *   repository, role; a server with both counts in both.
 * - RunningJobs: jobs with a session Working at `now`; ScheduledJobs: jobs that run by
 *   schedule (see `isScheduled`).
 * - Successful/Warning/FailedVmLastestStates: VMs by the result of their latest finished
 *   task session (see `latestVmResults`).
 */
export function overviewReport(view: InventoryView, now: number): OverviewReportFrame {
  const managed = view.all("managedServers");
  const states = countLatestStates(view, now);
  return {
    backupServers: view.all("backupServers").length,
    proxyServers: managed.filter((server) => server.roles.includes("Proxy")).length,
    repositoryServers: managed.filter((server) => server.roles.includes("Repository")).length,
    runningJobs: runningJobCount(view, now),
    scheduledJobs: scheduledJobCounts(view).all,
    successfulVmLastestStates: states.successful,
    warningVmLastestStates: states.warning,
    failedVmLastestStates: states.failed,
  };
}
