/**
 * Job and task sessions split the way EM lists them: backup runs in `backupSessions`,
 * replication runs in `replicaSessions`, and each run's task sessions beside them.
 */
import type { JobSession, TaskSession } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import { childrenOf, groupedBy } from "./relations.js";

export type RunKind = JobSession["kind"];

/** The job sessions of one kind, in inventory order. */
export function jobSessionsOfKind(view: InventoryView, kind: RunKind): readonly JobSession[] {
  return childrenOf(view, "jobSessions", "kind", kind);
}

export function jobSessionsOf(view: InventoryView, jobId: string): readonly JobSession[] {
  return childrenOf(view, "jobSessions", "jobId", jobId);
}

/** The task sessions whose job session is of this kind. */
export function taskSessionsOfKind(view: InventoryView, kind: RunKind): readonly TaskSession[] {
  const byKind = groupedBy(
    view,
    "taskSessions.runKind",
    () => view.all("taskSessions"),
    (task) => view.get("jobSessions", task.jobSessionId)?.kind ?? null,
  );
  return byKind(kind);
}

export function taskSessionsOf(view: InventoryView, jobSessionId: string): readonly TaskSession[] {
  return childrenOf(view, "taskSessions", "jobSessionId", jobSessionId);
}
