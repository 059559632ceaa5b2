import {
  flag,
  guid,
  int,
  intOrNull,
  name,
  oneOf,
  optionalFlag,
  ratio,
  ref,
  refOrNull,
  refs,
  size,
  sizeOrUnknown,
  text,
  time,
  timeOrNull,
  wordsOf,
  type Field,
} from "./field-checks.js";
import { INVENTORY_KINDS, type Inventory, type InventoryKind } from "./model.js";

type Item<K extends InventoryKind> = Inventory[K][number];

/**
 * The kinds an inventory file holds: all but `tasks`, which are the runtime record of job
 * actions clients asked for (per logon session), never part of a site's inventory.
 */
export type FileKind = Exclude<InventoryKind, "tasks">;

export const FILE_KINDS: readonly FileKind[] = INVENTORY_KINDS.filter(
  (kind): kind is FileKind => kind !== "tasks",
);

/** Every field of every kind, checked; the type makes sure no field of the model is left out. */
export type InventorySchema = { [K in FileKind]: { [F in keyof Item<K>]-?: Field } };

const PLATFORMS = ["VMware", "HyperV", "vCloud"];
const ENDED_RESULTS = ["Success", "Warning", "Failed"];
const POINT_TYPES = ["Full", "Increment"];
const JOB_TYPES = ["Backup", "Replica", "BackupCopy", "ImmediateBackupCopy", "Copy"];

function run() {
  return {
    creationTime: time(),
    endTime: time(),
    result: oneOf(ENDED_RESULTS),
  };
}

function vmPoint() {
  return {
    id: guid(),
    restorePointId: ref("restorePoints"),
    vmId: ref("vms"),
    creationTime: time(),
    algorithm: oneOf(POINT_TYPES),
    pointType: oneOf(POINT_TYPES),
  };
}

/**
 * The inventory file format, field by field (described for people in docs/inventory.md; a
 * test keeps the two in step). Fields with a fallback may be left out.
 */
export const INVENTORY_SCHEMA: InventorySchema = {
  backupServers: {
    id: guid(),
    name: name(),
    description: text(""),
    port: int(1, 65535, 9392),
    version: name(),
    wcfPort: int(1, 65535, 9393),
    certificateThumbprint: text(""),
  },
  managedServers: {
    id: guid(),
    backupServerId: ref("backupServers"),
    name: name(),
    description: text(""),
    managedServerType: name(),
    roles: wordsOf(["Proxy", "Repository", "WanAccelerator"]),
  },
  hierarchyRoots: {
    id: guid(),
    backupServerId: ref("backupServers"),
    name: name(),
    uniqueId: name(),
    hostType: name(),
  },
  vms: {
    id: guid(),
    hierarchyRootId: ref("hierarchyRoots"),
    name: name(),
    moref: name(),
    sizeBytes: size(),
    indexed: flag(false),
    isVApp: optionalFlag(),
  },
  repositories: {
    id: guid(),
    backupServerId: ref("backupServers"),
    name: name(),
    kind: name(),
    capacity: sizeOrUnknown(),
    freeSpace: sizeOrUnknown(),
  },
  externalRepositories: {
    id: guid(),
    backupServerId: ref("backupServers"),
    name: name(),
    kind: name(),
  },
  wanAccelerators: {
    id: guid(),
    backupServerId: ref("backupServers"),
    name: name(),
    description: text(""),
    version: name(),
    capacity: int(0, 1_000_000, 100),
    trafficPort: int(1, 65535, 6165),
    connectionsCount: int(1, 100, 5),
  },
  jobs: {
    id: guid(),
    backupServerId: ref("backupServers"),
    name: name(),
    jobType: oneOf(JOB_TYPES),
    platform: oneOf(PLATFORMS, "VMware"),
    description: text(""),
    scheduleConfigured: flag(false),
    scheduleEnabled: flag(false),
    dailyAtMinute: intOrNull(0, 1439),
    nextRun: timeOrNull(),
    repositoryId: refOrNull("repositories"),
    vmIds: refs("vms"),
    linkedJobIds: refs("jobs"),
    linkedBackupRepositoryIds: refs("repositories"),
  },
  jobSessions: {
    id: guid(),
    jobId: ref("jobs"),
    kind: oneOf(["Backup", "Replica"]),
    ...run(),
    failureMessage: text(""),
    isRetry: flag(false),
  },
  taskSessions: {
    id: guid(),
    jobSessionId: ref("jobSessions"),
    vmId: ref("vms"),
    ...run(),
    reason: text(""),
    totalSize: size(0),
  },
  restoreSessions: {
    id: guid(),
    vmRestorePointId: ref("vmRestorePoints"),
    jobType: name(),
    ...run(),
    failureMessage: text(""),
    initiatedBy: text(""),
  },
  backups: {
    id: guid(),
    jobId: ref("jobs"),
    repositoryId: ref("repositories"),
    name: name(),
    platform: oneOf(PLATFORMS, "VMware"),
  },
  backupFiles: {
    id: guid(),
    backupId: ref("backups"),
    restorePointId: ref("restorePoints"),
    filePath: name(),
    backupSize: size(),
    dataSize: size(),
    deduplicationRatio: ratio(1000, 1),
    compressRatio: ratio(1000, 1),
    creationTime: time(),
    fileType: oneOf(["vbk", "vib", "vrb"]),
  },
  restorePoints: {
    id: guid(),
    backupId: refOrNull("backups"),
    replicaId: refOrNull("replicas"),
    jobSessionId: ref("jobSessions"),
    time: time(),
  },
  vmRestorePoints: vmPoint(),
  vAppRestorePoints: vmPoint(),
  replicas: {
    id: guid(),
    jobId: ref("jobs"),
    name: name(),
    platform: oneOf(PLATFORMS, "VMware"),
  },
  vmReplicaPoints: vmPoint(),
  failoverPlans: {
    id: guid(),
    backupServerId: ref("backupServers"),
    name: name(),
    description: text(""),
    vmIds: refs("vms"),
  },
  agents: {
    id: guid(),
    backupServerId: ref("backupServers"),
    protectionGroupId: guid(),
    protectionGroupName: name(),
    name: name(),
    hostStatus: oneOf(["Online", "Offline"], "Online"),
    agentVersion: name(),
    agentStatus: oneOf(["Installed", "NotInstalled"], "Installed"),
    osVersion: text(""),
    ipAddress: text(""),
  },
};

/** How the fields of one kind are named in messages: "no job session with id …". */
export const KIND_NOUNS: Record<FileKind, string> = {
  backupServers: "backup server",
  managedServers: "managed server",
  hierarchyRoots: "hierarchy root",
  vms: "VM",
  repositories: "repository",
  externalRepositories: "external repository",
  wanAccelerators: "WAN accelerator",
  jobs: "job",
  jobSessions: "job session",
  taskSessions: "task session",
  restoreSessions: "restore session",
  backups: "backup",
  backupFiles: "backup file",
  restorePoints: "restore point",
  vmRestorePoints: "VM restore point",
  vAppRestorePoints: "vApp restore point",
  replicas: "replica",
  vmReplicaPoints: "VM replica point",
  failoverPlans: "failover plan",
  agents: "agent",
};

/** The fields of each kind that hold times, so a file can be written with readable times. */
export function timeFields(kind: FileKind): string[] {
  const fields: Record<string, Field> = INVENTORY_SCHEMA[kind];
  return Object.keys(fields).filter((field) => fields[field]!.isTime);
}
