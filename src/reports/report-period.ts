/**
 * The window the run-based figures cover. The vendor's pages do not name it; we take the 24
 * hours before the request, as the captures suggest (test/fixtures/job_overview_metrics_v12,
 * veeam_overview_vms_metrics_v12 and _v13): EM 12 counts 81 job runs for 79 scheduled daily
 * jobs and 2,381 restore points for 2,375 VMs backed up, EM 13 106 points for 104 VMs. A week
 * or all history would give several points per VM.
 */
export const REPORT_PERIOD_MS = 24 * 60 * 60 * 1000;

/** Whether `time` falls in the period ending at `now`: after `now - 24 h`, not after `now`. */
export function inReportPeriod(time: number, now: number): boolean {
  return time > now - REPORT_PERIOD_MS && time <= now;
}
