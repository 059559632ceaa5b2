/**
 * The latest state of each VM: the result of the newest of its task sessions that has ended
 * by `now`, in any job, backup or replica. A VM being processed right now keeps the state of
 * its previous run until this one ends; a VM no job has processed has no state.
 */
import type { Result } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import { reportIndex } from "./report-index.js";

export interface LatestStateCounts {
  successful: number;
  warning: number;
  failed: number;
}

/** Each processed VM's latest result, by VM id. */
export function latestVmResults(view: InventoryView, now: number): Map<string, Result> {
  const results = new Map<string, Result>();
  for (const [vmId, tasks] of reportIndex(view).tasksByVm) {
    // Newest first: usually the first task has ended, or the second when one runs now.
    const latest = tasks.find((task) => task.endTime <= now);
    if (latest !== undefined) results.set(vmId, latest.result);
  }
  return results;
}

/** How many VMs' latest state is Success, Warning and Failed. */
export function countLatestStates(view: InventoryView, now: number): LatestStateCounts {
  const counts: LatestStateCounts = { successful: 0, warning: 0, failed: 0 };
  for (const result of latestVmResults(view, now).values()) {
    if (result === "Success") counts.successful += 1;
    else if (result === "Warning") counts.warning += 1;
    else if (result === "Failed") counts.failed += 1;
  }
  return counts;
}
