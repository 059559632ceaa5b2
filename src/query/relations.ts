import type {
  BackupServer,
  Job,
  JobSession,
  RestorePoint,
  VirtualMachine,
  VmRestorePoint,
} from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";

/**
 * The parents a query property reads through (a session's job, a job's backup server…).
 * References in a validated inventory always resolve; `undefined` is kept for safety only.
 */

export function jobOf(view: InventoryView, jobId: string | null): Job | undefined {
  return jobId === null ? undefined : view.get("jobs", jobId);
}

export function serverOf(view: InventoryView, serverId: string | undefined) {
  return serverId === undefined ? undefined : view.get("backupServers", serverId);
}

export function serverOfJob(view: InventoryView, jobId: string | null): BackupServer | undefined {
  return serverOf(view, jobOf(view, jobId)?.backupServerId);
}

export function jobSessionOf(view: InventoryView, id: string): JobSession | undefined {
  return view.get("jobSessions", id);
}

export function vmOf(view: InventoryView, vmId: string): VirtualMachine | undefined {
  return view.get("vms", vmId);
}

/** The job behind a restore point: its backup's, or its replica's. */
export function jobOfPoint(view: InventoryView, point: RestorePoint | undefined): Job | undefined {
  if (point === undefined) return undefined;
  const owner =
    point.backupId !== null
      ? view.get("backups", point.backupId)
      : point.replicaId !== null
        ? view.get("replicas", point.replicaId)
        : undefined;
  return owner === undefined ? undefined : jobOf(view, owner.jobId);
}

export function restorePointOf(view: InventoryView, id: string): RestorePoint | undefined {
  return view.get("restorePoints", id);
}

export function vmRestorePointOf(view: InventoryView, id: string): VmRestorePoint | undefined {
  return view.get("vmRestorePoints", id);
}
