import type {
  Backup,
  BackupFile,
  Replica,
  RestorePoint,
  VAppRestorePoint,
  VmReplicaPoint,
  VmRestorePoint,
} from "../../inventory/model.js";
import type { InventoryView } from "../../inventory/view.js";
import { fileName, pointName, runName } from "../object-names.js";
import type { Property } from "../property.js";
import type { QueryType } from "../query-type.js";
import { jobOf, jobOfPoint, restorePointOf, serverOfJob, vmOf } from "../relations.js";
import { backupServer, number, oneOf, ownUid, text, time, uid } from "./common.js";
import { PLATFORMS } from "./jobs.js";

// Properties as listed by the vendor's get_query_<type> pages ("Optional Parameters").

const FILE_TYPES = ["vbk", "vib", "vrb"];
const ALGORITHMS = ["Full", "ReversedIncremental", "Incremental", "SyntheticFull"];
const BACKUP_POINT_TYPES = ["Full", "Increment", "ReverseIncrement"];
const REPLICA_POINT_TYPES = ["Full", "ReverseIncrement", "Increment", "Snapshot"];

export const BACKUP: QueryType<Backup> = {
  name: "Backup",
  entities: "Backups",
  items: (view) => view.all("backups"),
  properties: [
    ownUid("Backup"),
    text("Name", (backup) => backup.name),
    uid("JobUid", "Job", (backup) => backup.jobId),
    text("JobName", (backup, view) => jobOf(view, backup.jobId)?.name ?? null),
    uid("RepositoryUid", "Repository", (backup) => backup.repositoryId),
    text(
      "RepositoryName",
      (backup, view) => view.get("repositories", backup.repositoryId)?.name ?? null,
    ),
    oneOf("Platform", PLATFORMS, (backup) => backup.platform),
    // Every backup emrest models is a plain one; agent parent and child backups are not modelled.
    text("BackupType", () => "Standard"),
  ],
};

const backupOfFile = (file: BackupFile, view: InventoryView) => view.get("backups", file.backupId);

// get_query_backupfile names its time CreationTimeUTC, unlike the other types.
export const BACKUP_FILE: QueryType<BackupFile> = {
  name: "BackupFile",
  entities: "BackupFiles",
  items: (view) => view.all("backupFiles"),
  properties: [
    ownUid("BackupFile"),
    text("Name", (file) => fileName(file.filePath)),
    time("CreationTimeUTC", (file) => file.creationTime),
    number("BackupSize", (file) => file.backupSize),
    number("DataSize", (file) => file.dataSize),
    number("CompressRatio", (file) => file.compressRatio),
    oneOf("FileType", FILE_TYPES, (file) => file.fileType),
    uid("BackupUid", "Backup", (file) => file.backupId),
    text("BackupName", (file, view) => backupOfFile(file, view)?.name ?? null),
    ...backupServer<BackupFile>((file, view) =>
      serverOfJob(view, backupOfFile(file, view)?.jobId ?? null),
    ),
  ],
};

export const RESTORE_POINT: QueryType<RestorePoint> = {
  name: "RestorePoint",
  entities: "RestorePoints",
  items: (view) => view.all("restorePoints"),
  properties: [
    ownUid("RestorePoint"),
    text("Name", (point) => pointName(point.time)),
    time("CreationTime", (point) => point.time),
    uid("BackupUid", "Backup", (point) => point.backupId),
    text("BackupName", (point, view) =>
      point.backupId === null ? null : (view.get("backups", point.backupId)?.name ?? null),
    ),
    ...backupServer<RestorePoint>((point, view) =>
      serverOfJob(view, jobOfPoint(view, point)?.id ?? null),
    ),
  ],
};

type VmPoint = VmRestorePoint | VAppRestorePoint | VmReplicaPoint;

/** What VM, vApp and replica points share: name, time, kinds, VM and backup server. */
function vmPointProperties<T extends VmPoint>(
  pointTypes: string[],
  vmNameProperty: string,
): Property<T>[] {
  const vmName = (point: T, view: InventoryView) => vmOf(view, point.vmId)?.name ?? null;
  const parent = (point: T, view: InventoryView) => restorePointOf(view, point.restorePointId);
  return [
    text("Name", (point, view) => runName(vmName(point, view) ?? "", point.creationTime)),
    time("CreationTime", (point) => point.creationTime),
    oneOf("Type", pointTypes, (point) => point.pointType),
    // EM writes the method of an increment as Incremental (get_query_vmrestorepoint example).
    oneOf("Algorithm", ALGORITHMS, (point) =>
      point.algorithm === "Increment" ? "Incremental" : point.algorithm,
    ),
    text(vmNameProperty, vmName),
    ...backupServer<T>((point, view) =>
      serverOfJob(view, jobOfPoint(view, parent(point, view))?.id ?? null),
    ),
  ];
}

export const VM_RESTORE_POINT: QueryType<VmRestorePoint> = {
  name: "VmRestorePoint",
  entities: "VmRestorePoints",
  items: (view) => view.all("vmRestorePoints"),
  properties: [
    ownUid("VmRestorePoint"),
    ...vmPointProperties<VmRestorePoint>(BACKUP_POINT_TYPES, "VmDisplayName"),
    uid("RestorePointId", "RestorePoint", (point) => point.restorePointId),
    text("RestorePointName", (point, view) => {
      const parent = restorePointOf(view, point.restorePointId);
      return parent === undefined ? null : pointName(parent.time);
    }),
  ],
};

export const VAPP_RESTORE_POINT: QueryType<VAppRestorePoint> = {
  name: "vAppRestorePoint",
  entities: "VAppRestorePoints",
  items: (view) => view.all("vAppRestorePoints"),
  properties: [
    ownUid("VAppRestorePoint"),
    ...vmPointProperties<VAppRestorePoint>(BACKUP_POINT_TYPES, "VAppDisplayName"),
    uid("RestorePointId", "RestorePoint", (point) => point.restorePointId),
  ],
};

export const REPLICA: QueryType<Replica> = {
  name: "Replica",
  entities: "Replicas",
  items: (view) => view.all("replicas"),
  properties: [
    ownUid("Replica"),
    text("Name", (replica) => replica.name),
    uid("JobUid", "Job", (replica) => replica.jobId),
    text("JobName", (replica, view) => jobOf(view, replica.jobId)?.name ?? null),
    // The repository keeping the replica's metadata: its replication job's repositoryId.
    uid("RepositoryUid", "Repository", (replica, view) => jobOf(view, replica.jobId)?.repositoryId),
    text("RepositoryName", (replica, view) => {
      const id = jobOf(view, replica.jobId)?.repositoryId;
      return id === null || id === undefined ? null : (view.get("repositories", id)?.name ?? null);
    }),
  ],
};

const replicaOfPoint = (point: VmReplicaPoint, view: InventoryView) => {
  const replicaId = restorePointOf(view, point.restorePointId)?.replicaId;
  return replicaId === null || replicaId === undefined
    ? undefined
    : view.get("replicas", replicaId);
};

export const VM_REPLICA_POINT: QueryType<VmReplicaPoint> = {
  name: "VmReplicaPoint",
  entities: "VmReplicaPoints",
  items: (view) => view.all("vmReplicaPoints"),
  properties: [
    ownUid("VmReplicaPoint"),
    ...vmPointProperties<VmReplicaPoint>(REPLICA_POINT_TYPES, "VmDisplayName"),
    uid("ReplicaUid", "Replica", (point, view) => replicaOfPoint(point, view)?.id),
    text("ReplicaName", (point, view) => replicaOfPoint(point, view)?.name ?? null),
  ],
};
