import type { InventoryView } from "../inventory/view.js";
import { firstEndingFrom, reportIndex } from "./report-index.js";
import type { ProcessedVmsDay, ProcessedVmsReportFrame } from "./report-frames.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The vendor's example and every client seen show seven days, today first. */
export const PROCESSED_VMS_DAYS = 7;

/**
 * `/reports/summary/processed_vms`: "the number of VMs processed per day" (vendor page
 * reports_summary_processed_vms), for today and the six days before, newest first. Days are
 * UTC days (EM uses its server's time zone; emrest's is UTC), stamped with their midnight.
 * BackupedVms and ReplicatedVms count distinct VMs whose task session in a backup, or a
 * replica, job session ended that day, by `now`, with Success or Warning: VMs that got a
 * restore point that day. A failed task processed nothing worth counting.
 */
export function processedVmsReport(view: InventoryView, now: number): ProcessedVmsReportFrame {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const oldest = today - (PROCESSED_VMS_DAYS - 1) * DAY_MS;
  const backedUp = new Map<number, Set<string>>();
  const replicated = new Map<number, Set<string>>();

  const { tasksByEnd } = reportIndex(view);
  for (let i = firstEndingFrom(tasksByEnd, oldest); i < tasksByEnd.length; i++) {
    const task = tasksByEnd[i];
    if (task.endTime > now) break;
    if (task.result === "Failed") continue;
    const kind = view.get("jobSessions", task.jobSessionId)?.kind;
    const byDay = kind === "Replica" ? replicated : backedUp;
    const day = Math.floor(task.endTime / DAY_MS) * DAY_MS;
    if (!byDay.has(day)) byDay.set(day, new Set());
    byDay.get(day)!.add(task.vmId);
  }

  const days: ProcessedVmsDay[] = [];
  for (let day = today; day >= oldest; day -= DAY_MS) {
    const replicatedVms = replicated.get(day)?.size ?? 0;
    days.push({ timestamp: day, replicatedVms, backupedVms: backedUp.get(day)?.size ?? 0 });
  }
  return { days };
}
