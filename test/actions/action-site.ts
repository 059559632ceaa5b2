import {
  emptyInventory,
  type Inventory,
  type JobSession,
  type TaskSession,
} from "../../src/inventory/model.js";

/**
 * A small site for the job-action tests: one backup server and repository, three VMs, and
 * three jobs whose history the tests lean on:
 * - NIGHTLY backs up VM_A and VM_B; its last run (30 min) succeeded, the one before took 50 min;
 * - FLAKY backs up VM_A and VM_C; its last run failed on VM_C only;
 * - MIRROR replicates VM_B and VM_C and is running at NOW, with VM_C already done.
 */

export const NOW = Date.parse("2026-06-15T06:00:00Z");
const MIN = 60_000;

export const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const SERVER = id(1);
export const REPOSITORY = id(2);
export const ROOT = id(3);
export const VM_A = id(11);
export const VM_B = id(12);
export const VM_C = id(13);
export const NIGHTLY = id(21);
export const FLAKY = id(22);
export const MIRROR = id(23);
export const NIGHTLY_LAST = id(31);
export const NIGHTLY_EARLIER = id(32);
export const FLAKY_LAST = id(33);
export const MIRROR_RUNNING = id(34);

function run(
  n: number,
  jobId: string,
  start: number,
  minutes: number,
  result: JobSession["result"],
) {
  const kind: JobSession["kind"] = jobId === MIRROR ? "Replica" : "Backup";
  const failureMessage = result === "Failed" ? "Cannot reach the host." : "";
  const end = start + minutes * MIN;
  return {
    id: id(n),
    jobId,
    kind,
    creationTime: start,
    endTime: end,
    result,
    failureMessage,
    isRetry: false,
  };
}

function task(
  n: number,
  runOf: JobSession,
  vmId: string,
  result: TaskSession["result"],
): TaskSession {
  const reason = result === "Failed" ? "Cannot reach the host." : "";
  return {
    id: id(n),
    jobSessionId: runOf.id,
    vmId,
    creationTime: runOf.creationTime,
    endTime: runOf.endTime,
    result,
    reason,
    totalSize: 1,
  };
}

/** The site as it stands at `now` (NOW unless given): runs are placed relative to it. */
export function actionSite(now = NOW): Inventory {
  const site = emptyInventory();
  site.backupServers.push({
    id: SERVER,
    name: "srv12.tech.local",
    description: "",
    port: 9392,
    version: "12.1",
    wcfPort: 9393,
    certificateThumbprint: "",
  });
  site.repositories.push({
    id: REPOSITORY,
    backupServerId: SERVER,
    name: "Default Backup Repository",
    kind: "WinLocal",
    capacity: 1e12,
    freeSpace: 5e11,
  });
  site.hierarchyRoots.push({
    id: ROOT,
    backupServerId: SERVER,
    name: "vc01",
    uniqueId: "vc-guid",
    hostType: "VC",
  });
  for (const [vmId, name, size] of [
    [VM_A, "db01", 40e9],
    [VM_B, "web01", 20e9],
    [VM_C, "mail01", 80e9],
  ] as const) {
    site.vms.push({
      id: vmId,
      hierarchyRootId: ROOT,
      name,
      moref: `vm-${name}`,
      sizeBytes: size,
      indexed: false,
    });
  }

  const job = (jobId: string, name: string, jobType: "Backup" | "Replica", vmIds: string[]) => ({
    id: jobId,
    backupServerId: SERVER,
    name,
    jobType,
    platform: "VMware" as const,
    description: "",
    scheduleConfigured: true,
    scheduleEnabled: true,
    dailyAtMinute: 1320,
    nextRun: null,
    repositoryId: jobType === "Backup" ? REPOSITORY : null,
    vmIds,
    linkedJobIds: [],
    linkedBackupRepositoryIds: [],
  });
  site.jobs.push(job(NIGHTLY, "Nightly", "Backup", [VM_A, VM_B]));
  site.jobs.push(job(FLAKY, "Flaky", "Backup", [VM_A, VM_C]));
  site.jobs.push(job(MIRROR, "Mirror", "Replica", [VM_B, VM_C]));

  const nightlyLast = run(31, NIGHTLY, now - 8 * 60 * MIN, 30, "Success");
  const nightlyEarlier = run(32, NIGHTLY, now - 32 * 60 * MIN, 50, "Success");
  const flakyLast = run(33, FLAKY, now - 2 * 60 * MIN, 20, "Failed");
  const mirrorRunning = run(34, MIRROR, now - 5 * MIN, 20, "Success");
  site.jobSessions.push(nightlyEarlier, nightlyLast, flakyLast, mirrorRunning);
  site.taskSessions.push(
    task(41, nightlyLast, VM_A, "Success"),
    task(42, nightlyLast, VM_B, "Success"),
    task(43, flakyLast, VM_A, "Success"),
    task(44, flakyLast, VM_C, "Failed"),
    { ...task(45, mirrorRunning, VM_B, "Success"), endTime: mirrorRunning.endTime - 2 * MIN },
    { ...task(46, mirrorRunning, VM_C, "Success"), endTime: now - MIN },
  );
  return site;
}
