import type { Inventory, JobSession, TaskSession } from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";

/**
 * A small backup site written by hand, so each query test can say which objects it expects:
 * two backup servers, three jobs, seven job sessions (one still running at NOW), their tasks,
 * and the backups, points and files they left.
 */

/** The clock the tests read the site at. */
export const NOW = Date.parse("2026-06-15T06:00:00Z");

/** A lowercase GUID that shows its number at the end. */
export const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

const at = (iso: string) => Date.parse(iso);

export const SERVER_A = id(1);
export const SERVER_B = id(2);
export const VM_DB = id(21);
export const VM_WEB = id(22);
export const VM_APACHE = id(23);
export const JOB_EXCHANGE = id(41);
export const JOB_REPLICA = id(42);
export const JOB_COPY = id(43);

type Run = [
  n: number,
  job: string,
  kind: JobSession["kind"],
  start: string,
  end: string,
  result: JobSession["result"],
  retry?: boolean,
];

const RUNS: Run[] = [
  [51, JOB_EXCHANGE, "Backup", "2026-06-13T22:00:00.250Z", "2026-06-13T22:30:00Z", "Success"],
  [52, JOB_EXCHANGE, "Backup", "2026-06-14T22:00:00Z", "2026-06-14T22:45:10Z", "Warning"],
  [53, JOB_COPY, "Backup", "2026-06-14T23:09:26.173Z", "2026-06-15T02:04:52.037Z", "Failed"],
  [54, JOB_COPY, "Backup", "2026-06-15T02:30:00Z", "2026-06-15T02:40:00Z", "Success", true],
  [55, JOB_EXCHANGE, "Backup", "2026-06-15T05:50:00Z", "2026-06-15T06:30:00Z", "Success"],
  [56, JOB_REPLICA, "Replica", "2026-06-14T20:00:05Z", "2026-06-14T20:02:36Z", "Success"],
  [57, JOB_REPLICA, "Replica", "2026-06-15T04:00:00Z", "2026-06-15T04:10:00Z", "Failed"],
];

function jobSession([n, jobId, kind, start, end, result, retry = false]: Run): JobSession {
  return {
    id: id(n),
    jobId,
    kind,
    creationTime: at(start),
    endTime: at(end),
    result,
    failureMessage: result === "Failed" ? "Disk full" : "",
    isRetry: retry,
  };
}

function tasks(run: JobSession, vmIds: string[]): TaskSession[] {
  return vmIds.map((vmId, index) => ({
    id: id(Number.parseInt(run.id.slice(-4), 16) * 10 + index),
    jobSessionId: run.id,
    vmId,
    creationTime: run.creationTime + 5_000 + index * 1000,
    endTime: run.endTime - 5_000,
    result: run.result,
    reason: run.result === "Success" ? "" : "Hard disk 1 (0 B)",
    totalSize: 8_589_934_592 * (index + 1),
  }));
}

const VMS_OF_JOB: Record<string, string[]> = {
  [JOB_EXCHANGE]: [VM_DB, VM_WEB],
  [JOB_REPLICA]: [VM_APACHE],
  [JOB_COPY]: [VM_DB],
};

export function smallInventory(): Inventory {
  const jobSessions = RUNS.map(jobSession);
  return {
    backupServers: [
      {
        id: SERVER_A,
        name: "vbr01.example.com",
        description: "Main site",
        port: 9392,
        version: "12.3.1.1139",
        wcfPort: 9393,
        certificateThumbprint: "AB",
      },
      {
        id: SERVER_B,
        name: "vbr02.example.com",
        description: "DR site",
        port: 9392,
        version: "12.1.0.2131",
        wcfPort: 9393,
        certificateThumbprint: "CD",
      },
    ],
    managedServers: [
      {
        id: id(11),
        backupServerId: SERVER_A,
        name: "vcenter01.example.com",
        description: "vCenter",
        managedServerType: "VC",
        roles: [],
      },
      {
        id: id(12),
        backupServerId: SERVER_B,
        name: "hv01.example.com",
        description: "Hyper-V host",
        managedServerType: "HvServer",
        roles: ["Proxy"],
      },
    ],
    hierarchyRoots: [
      {
        id: id(13),
        backupServerId: SERVER_A,
        name: "vcenter01.example.com",
        uniqueId: "d766a026-a7a7-4d6e-add0-9599a291394f",
        hostType: "VC",
      },
      {
        id: id(14),
        backupServerId: SERVER_B,
        name: "hv01.example.com",
        uniqueId: "hv01.example.com",
        hostType: "HvServer",
      },
    ],
    vms: [
      {
        id: VM_DB,
        hierarchyRootId: id(13),
        name: "dbserver01",
        moref: "vm-62228",
        sizeBytes: 40e9,
        indexed: true,
      },
      {
        id: VM_WEB,
        hierarchyRootId: id(13),
        name: "web01",
        moref: "vm-1618",
        sizeBytes: 20e9,
        indexed: false,
      },
      {
        id: VM_APACHE,
        hierarchyRootId: id(14),
        name: "apache02",
        moref: "4a1e-vm",
        sizeBytes: 10e9,
        indexed: false,
      },
    ],
    repositories: [
      {
        id: id(31),
        backupServerId: SERVER_A,
        name: "Default Backup Repository",
        kind: "WinLocal",
        capacity: 128_479_916_032,
        freeSpace: 88_319_569_920,
      },
      {
        id: id(32),
        backupServerId: SERVER_B,
        name: "Backups Vol2",
        kind: "LinuxLocal",
        capacity: 106_779_635_712,
        freeSpace: 9_223_929_856,
      },
    ],
    externalRepositories: [
      { id: id(33), backupServerId: SERVER_A, name: "Azure archive", kind: "AzureBlob" },
    ],
    wanAccelerators: [
      {
        id: id(34),
        backupServerId: SERVER_A,
        name: "SourceWanAccelerator",
        description: "",
        version: "12.3",
        capacity: 100,
        trafficPort: 6165,
        connectionsCount: 5,
      },
    ],
    jobs: [
      {
        id: JOB_EXCHANGE,
        backupServerId: SERVER_A,
        name: "Exchange Backup",
        jobType: "Backup",
        platform: "VMware",
        description: "Mail",
        scheduleConfigured: true,
        scheduleEnabled: true,
        dailyAtMinute: 1320,
        nextRun: at("2026-06-15T22:00:00Z"),
        repositoryId: id(31),
        vmIds: VMS_OF_JOB[JOB_EXCHANGE]!,
        linkedJobIds: [],
        linkedBackupRepositoryIds: [],
      },
      {
        id: JOB_REPLICA,
        backupServerId: SERVER_B,
        name: "SQL Replica",
        jobType: "Replica",
        platform: "HyperV",
        description: "",
        scheduleConfigured: false,
        scheduleEnabled: false,
        dailyAtMinute: null,
        nextRun: null,
        repositoryId: null,
        vmIds: VMS_OF_JOB[JOB_REPLICA]!,
        linkedJobIds: [],
        linkedBackupRepositoryIds: [],
      },
      {
        id: JOB_COPY,
        backupServerId: SERVER_A,
        name: "Copy Job",
        jobType: "BackupCopy",
        platform: "VMware",
        description: "Offsite",
        scheduleConfigured: true,
        scheduleEnabled: false,
        dailyAtMinute: 60,
        nextRun: at("2026-06-16T01:00:00Z"),
        repositoryId: id(31),
        vmIds: VMS_OF_JOB[JOB_COPY]!,
        linkedJobIds: [],
        linkedBackupRepositoryIds: [],
      },
    ],
    jobSessions,
    taskSessions: jobSessions.flatMap((run) => tasks(run, VMS_OF_JOB[run.jobId]!)),
    restoreSessions: [
      {
        id: id(61),
        vmRestorePointId: id(81),
        jobType: "FileLevelRestore",
        creationTime: at("2026-06-15T03:00:00Z"),
        endTime: at("2026-06-15T03:05:00Z"),
        result: "Success",
        failureMessage: "",
        initiatedBy: "SRV12\\Administrator",
      },
    ],
    backups: [
      {
        id: id(71),
        jobId: JOB_EXCHANGE,
        repositoryId: id(31),
        name: "Exchange Backup",
        platform: "VMware",
      },
      { id: id(72), jobId: JOB_COPY, repositoryId: id(31), name: "Copy Job", platform: "VMware" },
    ],
    backupFiles: [
      {
        id: id(91),
        backupId: id(71),
        restorePointId: id(75),
        filePath: "C:\\Backup\\Exchange Backup\\Exchange BackupD2026-06-13T220000_1A2B.vbk",
        backupSize: 5e9,
        dataSize: 9e9,
        deduplicationRatio: 1.3,
        compressRatio: 1.8,
        creationTime: at("2026-06-13T22:29:00Z"),
        fileType: "vbk",
      },
      {
        id: id(92),
        backupId: id(71),
        restorePointId: id(76),
        filePath: "/backups/Exchange Backup/Exchange BackupD2026-06-14T220000_3C4D.vib",
        backupSize: 4e8,
        dataSize: 1e9,
        deduplicationRatio: 1.1,
        compressRatio: 2.2,
        creationTime: at("2026-06-14T22:44:00Z"),
        fileType: "vib",
      },
    ],
    restorePoints: [
      {
        id: id(75),
        backupId: id(71),
        replicaId: null,
        jobSessionId: id(51),
        time: at("2026-06-13T22:29:00Z"),
      },
      {
        id: id(76),
        backupId: id(71),
        replicaId: null,
        jobSessionId: id(52),
        time: at("2026-06-14T22:44:00Z"),
      },
      {
        id: id(77),
        backupId: null,
        replicaId: id(78),
        jobSessionId: id(56),
        time: at("2026-06-14T20:02:00Z"),
      },
    ],
    vmRestorePoints: [
      {
        id: id(81),
        restorePointId: id(75),
        vmId: VM_DB,
        creationTime: at("2026-06-13T22:10:00Z"),
        algorithm: "Full",
        pointType: "Full",
      },
      {
        id: id(82),
        restorePointId: id(76),
        vmId: VM_DB,
        creationTime: at("2026-06-14T22:10:00Z"),
        algorithm: "Increment",
        pointType: "Increment",
      },
      {
        id: id(83),
        restorePointId: id(76),
        vmId: VM_WEB,
        creationTime: at("2026-06-14T22:20:00Z"),
        algorithm: "Increment",
        pointType: "Increment",
      },
    ],
    vAppRestorePoints: [],
    replicas: [{ id: id(78), jobId: JOB_REPLICA, name: "SQL Replica", platform: "HyperV" }],
    vmReplicaPoints: [
      {
        id: id(85),
        restorePointId: id(77),
        vmId: VM_APACHE,
        creationTime: at("2026-06-14T20:01:00Z"),
        algorithm: "Full",
        pointType: "Full",
      },
    ],
    failoverPlans: [
      {
        id: id(95),
        backupServerId: SERVER_B,
        name: "SQL Failover Plan",
        description: "DR",
        vmIds: [VM_APACHE],
      },
    ],
    agents: [],
    tasks: [],
  };
}

export const smallView = () => new InventoryView(smallInventory());
