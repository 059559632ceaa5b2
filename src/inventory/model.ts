/**
 * The backup inventory emrest serves behind the LogonSession links: what a Veeam Backup &
 * Replication site looks like to Enterprise Manager. Plain data, no HTTP and no XML.
 *
 * Every object has a lowercase GUID `id`; its UID is `urn:veeam:<UidType>:<id>` (see
 * `uidOf`). References between objects hold the other object's `id`, and every reference
 * points at an object of the named kind that exists (`validateInventory` checks this).
 * Times are epoch milliseconds, UTC. Sizes are bytes.
 */

export type Guid = string;

/** Results as the vendor orders them for filters: Success < Warning < Failed (spec §9). */
export const RESULTS = ["None", "Success", "Warning", "Failed"] as const;
export type Result = (typeof RESULTS)[number];

export interface BackupServer {
  id: Guid;
  name: string;
  description: string;
  port: number;
  version: string;
  wcfPort: number;
  certificateThumbprint: string;
}

/** A server a backup server manages: vCenter, ESXi, Hyper-V, Windows or Linux (proxies etc). */
export interface ManagedServer {
  id: Guid;
  backupServerId: Guid;
  name: string;
  description: string;
  /** e.g. `VC`, `ESXi`, `HvServer`, `Windows`, `Linux`, `Local`. */
  managedServerType: string;
  /** What the server does for backups; counted by the overview report. */
  roles: ("Proxy" | "Repository" | "WanAccelerator")[];
}

/** A virtualization host root (vCenter, Hyper-V host or cluster, vCloud). */
export interface HierarchyRoot {
  id: Guid;
  backupServerId: Guid;
  name: string;
  /** The host's own id, e.g. a vCenter instance UUID. */
  uniqueId: string;
  /** e.g. `VC`, `ESXi`, `HyperV`, `VCloud`. */
  hostType: string;
}

/** A VM or vApp the jobs protect. Its ref is `urn:VMware:Vm:<root uniqueId>.<moref>`. */
export interface VirtualMachine {
  id: Guid;
  hierarchyRootId: Guid;
  name: string;
  /** The platform's own object id, e.g. `vm-1618`. */
  moref: string;
  /** Used size of the source VM in bytes. */
  sizeBytes: number;
  /** Whether guest files are indexed, so the VM shows in `catalog/vms`. */
  indexed: boolean;
  isVApp?: boolean;
}

export interface Repository {
  id: Guid;
  backupServerId: Guid;
  name: string;
  /** e.g. `WinLocal`, `LinuxLocal`, `Cifs`, `DDBoost`, `AmazonS3Compatible`, `ExtendableRepository`. */
  kind: string;
  /** -1 where the vendor reports it unknown (object storage). */
  capacity: number;
  freeSpace: number;
}

export interface ExternalRepository {
  id: Guid;
  backupServerId: Guid;
  name: string;
  /** e.g. `AmazonS3`, `AzureBlob`. */
  kind: string;
}

export interface WanAccelerator {
  id: Guid;
  backupServerId: Guid;
  name: string;
  description: string;
  version: string;
  capacity: number;
  trafficPort: number;
  connectionsCount: number;
}

export type JobType = "Backup" | "Replica" | "BackupCopy" | "ImmediateBackupCopy" | "Copy";

export interface Job {
  id: Guid;
  backupServerId: Guid;
  name: string;
  jobType: JobType;
  platform: "VMware" | "HyperV" | "vCloud";
  description: string;
  scheduleConfigured: boolean;
  scheduleEnabled: boolean;
  /** Daily run time, minutes after midnight UTC, when scheduled. */
  dailyAtMinute: number | null;
  nextRun: number | null;
  /**
   * Target repository of a backup or copy job. For a replication job, the repository keeping
   * its replicas' metadata, or null.
   */
  repositoryId: Guid | null;
  /** The VMs the job processes. */
  vmIds: Guid[];
  /** The backup jobs a copy job copies from (EM's linked jobs); empty for other jobs. */
  linkedJobIds: Guid[];
  /** The repositories a copy job copies from (EM's linked backup repositories). */
  linkedBackupRepositoryIds: Guid[];
}

/** One run of a backup or replica job. State and progress follow from the clock (`sessionState`). */
export interface JobSession {
  id: Guid;
  jobId: Guid;
  /** `Backup` sessions go to `backupSessions`, `Replica` ones to `replicaSessions`. */
  kind: "Backup" | "Replica";
  creationTime: number;
  /** When the run ends (or ended); a run with `endTime` in the future is Working. */
  endTime: number;
  /** The result once ended. */
  result: Exclude<Result, "None">;
  failureMessage: string;
  isRetry: boolean;
}

/** One VM processed by a job session. */
export interface TaskSession {
  id: Guid;
  jobSessionId: Guid;
  vmId: Guid;
  creationTime: number;
  endTime: number;
  result: Exclude<Result, "None">;
  reason: string;
  totalSize: number;
}

export interface RestoreSession {
  id: Guid;
  vmRestorePointId: Guid;
  /** e.g. `FullVMRestore`, `FileLevelRestore`, `InstantRecovery`. */
  jobType: string;
  creationTime: number;
  endTime: number;
  result: Exclude<Result, "None">;
  failureMessage: string;
  /** Who started it, e.g. `SRV12\Administrator`. */
  initiatedBy: string;
}

/** The backup of one job (a backup chain) in a repository. */
export interface Backup {
  id: Guid;
  jobId: Guid;
  repositoryId: Guid;
  name: string;
  platform: "VMware" | "HyperV" | "vCloud";
}

/** A file of a backup: `.vbk` (full) or `.vib` (incremental). */
export interface BackupFile {
  id: Guid;
  backupId: Guid;
  restorePointId: Guid;
  filePath: string;
  backupSize: number;
  dataSize: number;
  deduplicationRatio: number;
  compressRatio: number;
  creationTime: number;
  fileType: "vbk" | "vib" | "vrb";
}

/** A point in time of one backup or replica, grouping the VM points taken then. */
export interface RestorePoint {
  id: Guid;
  /** The backup (for backup points) or replica (for replica points) it belongs to. */
  backupId: Guid | null;
  replicaId: Guid | null;
  jobSessionId: Guid;
  time: number;
}

export interface VmRestorePoint {
  id: Guid;
  restorePointId: Guid;
  vmId: Guid;
  creationTime: number;
  algorithm: "Full" | "Increment";
  pointType: "Full" | "Increment";
}

export interface VAppRestorePoint {
  id: Guid;
  restorePointId: Guid;
  vmId: Guid;
  creationTime: number;
  algorithm: "Full" | "Increment";
  pointType: "Full" | "Increment";
}

export interface Replica {
  id: Guid;
  jobId: Guid;
  name: string;
  platform: "VMware" | "HyperV" | "vCloud";
}

export interface VmReplicaPoint {
  id: Guid;
  restorePointId: Guid;
  vmId: Guid;
  creationTime: number;
  algorithm: "Full" | "Increment";
  pointType: "Full" | "Increment";
}

export interface FailoverPlan {
  id: Guid;
  backupServerId: Guid;
  name: string;
  description: string;
  vmIds: Guid[];
}

/** A computer with a Veeam Agent, found by an agent protection group. */
export interface Agent {
  id: Guid;
  backupServerId: Guid;
  protectionGroupId: Guid;
  protectionGroupName: string;
  name: string;
  hostStatus: "Online" | "Offline";
  agentVersion: string;
  agentStatus: "Installed" | "NotInstalled";
  osVersion: string;
  ipAddress: string;
}

/**
 * An operation a client asked for, such as a job start, followed as EM's `Task` (spec §9).
 * Only the logon session that asked sees it. The action itself is applied when the task is
 * written; the task shows Running until `finishTime`, then Finished with its result.
 */
export interface Task {
  /** `task-N`. */
  id: string;
  /** The logon session that asked: a hash of its key hash (`taskOwnerOf`), never the token. */
  owner: string;
  /** The vendor's name of the operation: `StartJob`, `StopJob`, `RetryJob`, `StopJobSession`. */
  operation: string;
  creationTime: number;
  finishTime: number;
  /** Whether the backup server did what was asked, and what it said. */
  success: boolean;
  message: string;
  /** The job session the operation started or stopped, or null when it did neither. */
  jobSessionId: Guid | null;
  /** Set by `DELETE /api/tasks/{ID}`: stores keep no deletes, so a removed task is hidden. */
  deleted: boolean;
}

/** The whole inventory. Arrays are the collections; order is creation order. */
export interface Inventory {
  backupServers: BackupServer[];
  managedServers: ManagedServer[];
  hierarchyRoots: HierarchyRoot[];
  vms: VirtualMachine[];
  repositories: Repository[];
  externalRepositories: ExternalRepository[];
  wanAccelerators: WanAccelerator[];
  jobs: Job[];
  jobSessions: JobSession[];
  taskSessions: TaskSession[];
  restoreSessions: RestoreSession[];
  backups: Backup[];
  backupFiles: BackupFile[];
  restorePoints: RestorePoint[];
  vmRestorePoints: VmRestorePoint[];
  vAppRestorePoints: VAppRestorePoint[];
  replicas: Replica[];
  vmReplicaPoints: VmReplicaPoint[];
  failoverPlans: FailoverPlan[];
  agents: Agent[];
  tasks: Task[];
}

export type InventoryKind = keyof Inventory;

export const INVENTORY_KINDS: readonly InventoryKind[] = [
  "backupServers",
  "managedServers",
  "hierarchyRoots",
  "vms",
  "repositories",
  "externalRepositories",
  "wanAccelerators",
  "jobs",
  "jobSessions",
  "taskSessions",
  "restoreSessions",
  "backups",
  "backupFiles",
  "restorePoints",
  "vmRestorePoints",
  "vAppRestorePoints",
  "replicas",
  "vmReplicaPoints",
  "failoverPlans",
  "agents",
  "tasks",
];

export function emptyInventory(): Inventory {
  return Object.fromEntries(INVENTORY_KINDS.map((kind) => [kind, []])) as unknown as Inventory;
}

/** `urn:veeam:<type>:<id>`, the vendor's UID form (spec §9). */
export function uidOf(type: string, id: string): string {
  return `urn:veeam:${type}:${id}`;
}

export type SessionState = "Starting" | "Working" | "Stopping" | "Stopped";

/**
 * What a run looks like at `now`: Working with a progress until `endTime`, then Stopped with
 * its result. Runs progress by the clock alone, so every node shows the same state.
 */
export function sessionState(
  run: { creationTime: number; endTime: number; result: Exclude<Result, "None"> },
  now: number,
): { state: SessionState; result: Result; progress: number; ended: boolean } {
  if (now >= run.endTime)
    return { state: "Stopped", result: run.result, progress: 100, ended: true };
  const span = Math.max(1, run.endTime - run.creationTime);
  const progress = Math.max(0, Math.min(99, Math.floor(((now - run.creationTime) * 100) / span)));
  return { state: "Working", result: "None", progress, ended: false };
}

export type TaskSessionState = "Pending" | "InProgress" | "Completed";

/**
 * When a task's VM starts processing: its `creationTime`. A run takes its VMs a few at a time
 * (task-placement.ts), so the rest wait queued until then. A task stopped while queued never
 * started; older stores kept its `creationTime` past its end, so its end stands in for it.
 */
export function taskStartTime(task: { creationTime: number; endTime: number }): number {
  return Math.min(task.creationTime, task.endTime);
}

/**
 * What a task session looks like at `now`: Pending while its VM waits, then as `sessionState`
 * has a run, InProgress until `endTime` and Completed with its result after. A pending task
 * shows the time its run queued it (`queuedAt`, the job session's creation), never a time to
 * come; from its start it shows its own.
 */
export function taskSessionState(
  task: { creationTime: number; endTime: number; result: Exclude<Result, "None"> },
  queuedAt: number,
  now: number,
): { state: TaskSessionState; result: Result; ended: boolean; creationTime: number } {
  const start = taskStartTime(task);
  if (now < start)
    return { state: "Pending", result: "None", ended: false, creationTime: queuedAt };
  const { result, ended } = sessionState(task, now);
  return { state: ended ? "Completed" : "InProgress", result, ended, creationTime: start };
}
