/**
 * A small inventory written by hand for the resource tests: the objects of the captured EM 12
 * replies in `test/fixtures/` (same ids, names and values, so served bodies can be compared
 * with them), and around them one object of every other kind, so every collection a
 * LogonSession links to has something to show. `now` places one job run in progress.
 */
import { emptyInventory, type Inventory } from "../../src/inventory/model.js";

const t = (iso: string) => Date.parse(iso);

export const IDS = {
  server1: "66122f98-3971-46f9-835d-2dbd6c16a6f0",
  server2: "3eb3d903-fb0b-4ddd-bde9-49d182aeeb0c",
  labServer: "9396c19b-091e-469c-bf21-a98069616147",
  emServer: "4539f94d-28f2-492f-9d08-bc76739d1ce2",
  root: "0d7ea80c-6ac8-46bf-863c-3a6093f8baec",
  vmHost: "0a000000-0000-4000-8000-000000000001",
  vmHost2: "0a000000-0000-4000-8000-000000000002",
  vmApp: "0a000000-0000-4000-8000-000000000003",
  vApp: "0a000000-0000-4000-8000-000000000004",
  s3Repo: "e2018b65-7c91-4230-8517-00f27d71da24",
  ddRepo: "48045b24-955b-483c-b693-09b50f7d369e",
  backupJob: "b2c92f36-ab38-4ce3-9bf6-05143080981a",
  copyJob: "408829ea-75b1-476c-80e1-47b731952e7a",
  operCopyJob: "0b000000-0000-4000-8000-000000000001",
  replicaJob: "0b000000-0000-4000-8000-000000000002",
  backupSession: "ee36521d-f70a-4300-98ba-155cb4a40b01",
  copySession: "45f138d9-7e5e-4140-bd33-088cc207a0f9",
  operSession: "ddf1d66d-0ee8-4964-8da3-3780f3f9775f",
  runningSession: "0c000000-0000-4000-8000-000000000001",
  replicaSession: "0c000000-0000-4000-8000-000000000002",
  task1: "5c8add49-6b08-4147-bc38-00293667728a",
  task2: "63f5c565-ef34-441f-ad7f-005efb16ca91",
  backupTask: "0d000000-0000-4000-8000-000000000001",
  replicaTask: "0d000000-0000-4000-8000-000000000002",
  backup: "0e000000-0000-4000-8000-000000000001",
  replica: "0e000000-0000-4000-8000-000000000002",
  restorePoints: [
    "457eac86-dcef-45e7-8c97-04554c19ef31",
    "079d0003-d98a-442c-83e8-04bdee5d643b",
    "c5445aa0-c1dc-4ba9-8f83-06b641cffb76",
    "d3edc537-5f11-4418-99bd-091fdf473f8b",
    "95dd8033-58f8-4f0c-a52c-0a442fa9b585",
    "6342119f-11d0-490b-b830-0e1748e4a015",
  ],
  replicaPoint: "0f000000-0000-4000-8000-000000000001",
  vmRestorePoint: "10000000-0000-4000-8000-000000000001",
  vAppRestorePoint: "10000000-0000-4000-8000-000000000002",
  vmReplicaPoint: "10000000-0000-4000-8000-000000000003",
  backupFile: "11000000-0000-4000-8000-000000000001",
  restoreSession: "12000000-0000-4000-8000-000000000001",
  failoverPlan: "13000000-0000-4000-8000-000000000001",
  managedServer: "14000000-0000-4000-8000-000000000001",
  wanAccelerator: "15000000-0000-4000-8000-000000000001",
  externalRepo: "16000000-0000-4000-8000-000000000001",
  agent1: "535612d0-3406-4afc-90ad-1200fdf493e3",
  agent2: "c84d9c58-bf67-4570-989f-15824e2bbaa3",
  linuxGroup: "58d6fd5d-e48d-4f27-acc7-c8703f800a66",
  windowsGroup: "2e8e0994-0105-4da3-9f83-bd945fb7d36b",
} as const;

function servers(inv: Inventory): void {
  const server = (id: string, name: string, description: string, thumbprint: string) => ({
    id,
    name,
    description,
    port: 9392,
    version: "12.3.2.4465",
    wcfPort: 9405,
    certificateThumbprint: thumbprint,
  });
  inv.backupServers.push(
    server(
      IDS.server1,
      "veeam01.example.com",
      "Veeam h1",
      "7B39B1915CBDCD77E5C0F4273F4353A18653E571",
    ),
    server(
      IDS.server2,
      "veeam02.example.com",
      "Veeam H2",
      "CD20334BE4778C38504BE3D922F78F3BA74DBEE7",
    ),
    server(IDS.labServer, "vbr-lab.example.com", "", "00000000000000000000000000000000000000AA"),
    server(IDS.emServer, "em.example.com", "", "00000000000000000000000000000000000000BB"),
  );
  inv.managedServers.push({
    id: IDS.managedServer,
    backupServerId: IDS.server1,
    name: "proxy01.example.com",
    description: "Backup proxy",
    managedServerType: "Windows",
    roles: ["Proxy"],
  });
  // The vCenter is a managed server too, under the root's id (as EM has it).
  inv.managedServers.push({
    id: IDS.root,
    backupServerId: IDS.emServer,
    name: "vc01.example.com",
    description: "vCenter Server",
    managedServerType: "VC",
    roles: [],
  });
  inv.hierarchyRoots.push({
    id: IDS.root,
    backupServerId: IDS.emServer,
    name: "vc01.example.com",
    uniqueId: "5b08bf82-530a-4cca-ac1a-8327b68250bd",
    hostType: "VC",
  });
  inv.wanAccelerators.push({
    id: IDS.wanAccelerator,
    backupServerId: IDS.server1,
    name: "wan01.example.com",
    description: "WAN accelerator & <cache>",
    version: "12.3.2.4465",
    capacity: 100,
    trafficPort: 6165,
    connectionsCount: 5,
  });
}

function storage(inv: Inventory): void {
  const vm = (id: string, name: string, moref: string, extra = {}) => ({
    id,
    hierarchyRootId: IDS.root,
    name,
    moref,
    sizeBytes: 42_949_672_960,
    indexed: false,
    ...extra,
  });
  inv.vms.push(
    vm(IDS.vmHost, "HOST", "vm-1411027"),
    vm(IDS.vmHost2, "HOST2", "vm-3355073"),
    vm(IDS.vmApp, "app01", "vm-1618", { indexed: true }),
    vm(IDS.vApp, "vapp01", "vapp-12", { isVApp: true }),
  );
  inv.repositories.push(
    {
      id: IDS.s3Repo,
      backupServerId: IDS.labServer,
      name: "s3-veeam-dbbackup",
      kind: "AmazonS3Compatible",
      capacity: -1,
      freeSpace: -1,
    },
    {
      id: IDS.ddRepo,
      backupServerId: IDS.labServer,
      name: "ddb_veeam_corp_backupdb",
      kind: "DDBoost",
      capacity: 1013246324637696,
      freeSpace: 113816053481472,
    },
  );
  inv.externalRepositories.push({
    id: IDS.externalRepo,
    backupServerId: IDS.server1,
    name: "Archive bucket",
    kind: "AmazonS3",
  });
}

function jobs(inv: Inventory, now: number): void {
  const job = (
    id: string,
    name: string,
    jobType: Inventory["jobs"][number]["jobType"],
    extra = {},
  ) => ({
    id,
    backupServerId: IDS.labServer,
    name,
    jobType,
    platform: "VMware" as const,
    description: `Created by SRV12\\Administrator`,
    scheduleConfigured: true,
    scheduleEnabled: true,
    dailyAtMinute: 330,
    nextRun: now + 3_600_000,
    repositoryId: IDS.ddRepo,
    vmIds: [IDS.vmApp, IDS.vmHost],
    linkedJobIds: [],
    linkedBackupRepositoryIds: [],
    ...extra,
  });
  inv.jobs.push(
    job(IDS.backupJob, "BACKUP_CORP_SITE3_VMW_INF", "Backup"),
    job(IDS.copyJob, "COPY_BACKUP_VMW_APP_A_TO_DD_CORP_NEW", "ImmediateBackupCopy", {
      dailyAtMinute: null,
      nextRun: null,
      scheduleConfigured: false,
      linkedJobIds: [IDS.backupJob],
    }),
    job(IDS.operCopyJob, "COPY_OPER_WIN_S3\\BACKUP_SITE3_OPER_WIN", "BackupCopy", {
      backupServerId: IDS.emServer,
      vmIds: [IDS.vmHost, IDS.vmHost2],
    }),
    job(IDS.replicaJob, "Replicate app01", "Replica", { vmIds: [IDS.vmApp] }),
  );
  inv.failoverPlans.push({
    id: IDS.failoverPlan,
    backupServerId: IDS.labServer,
    name: "App failover",
    description: "Fail app01 over",
    vmIds: [IDS.vmApp],
  });
}

function sessions(inv: Inventory, now: number): void {
  const run = (id: string, jobId: string, start: string, end: string, extra = {}) => ({
    id,
    jobId,
    kind: "Backup" as const,
    creationTime: t(start),
    endTime: t(end),
    result: "Success" as const,
    failureMessage: "",
    isRetry: false,
    ...extra,
  });
  inv.jobSessions.push(
    run(IDS.copySession, IDS.copyJob, "2026-06-14T23:09:26.173Z", "2026-06-15T02:04:52.037Z"),
    run(IDS.backupSession, IDS.backupJob, "2026-06-15T05:34:19.503Z", "2026-06-15T06:15:49.157Z", {
      isRetry: true,
    }),
    run(IDS.operSession, IDS.operCopyJob, "2026-06-15T05:46:47Z", "2026-06-15T05:51:00Z"),
    {
      ...run(IDS.runningSession, IDS.backupJob, "2026-06-15T07:00:00Z", "2026-06-15T08:00:00Z"),
      creationTime: now - 1_800_000,
      endTime: now + 1_800_000,
      result: "Failed" as const,
      failureMessage: "Not yet known",
    },
    run(IDS.replicaSession, IDS.replicaJob, "2026-06-15T03:00:00Z", "2026-06-15T03:20:00Z", {
      kind: "Replica",
      result: "Warning",
      failureMessage: "Snapshot took long",
    }),
  );
  const task = (id: string, sessionId: string, vmId: string, start: string, end: string) => ({
    id,
    jobSessionId: sessionId,
    vmId,
    creationTime: t(start),
    endTime: t(end),
    result: "Success" as const,
    reason: "",
    totalSize: 0,
  });
  inv.taskSessions.push(
    task(
      IDS.task1,
      IDS.operSession,
      IDS.vmHost,
      "2026-06-15T05:50:19.807Z",
      "2026-06-15T05:50:44.62Z",
    ),
    task(
      IDS.task2,
      IDS.operSession,
      IDS.vmHost2,
      "2026-06-15T05:49:18.99Z",
      "2026-06-15T05:49:37.723Z",
    ),
    task(
      IDS.backupTask,
      IDS.backupSession,
      IDS.vmApp,
      "2026-06-15T05:35:00Z",
      "2026-06-15T06:10:00Z",
    ),
    task(
      IDS.replicaTask,
      IDS.replicaSession,
      IDS.vmApp,
      "2026-06-15T03:01:00Z",
      "2026-06-15T03:19:00Z",
    ),
  );
}

function points(inv: Inventory): void {
  inv.backups.push({
    id: IDS.backup,
    jobId: IDS.backupJob,
    repositoryId: IDS.ddRepo,
    name: "BACKUP_CORP_SITE3_VMW_INF",
    platform: "VMware",
  });
  inv.replicas.push({
    id: IDS.replica,
    jobId: IDS.replicaJob,
    name: "Replicate app01",
    platform: "VMware",
  });
  for (const id of IDS.restorePoints) {
    inv.restorePoints.push({
      id,
      backupId: IDS.backup,
      replicaId: null,
      jobSessionId: IDS.backupSession,
      time: t("2026-06-15T05:34:19.503Z"),
    });
  }
  inv.restorePoints.push({
    id: IDS.replicaPoint,
    backupId: null,
    replicaId: IDS.replica,
    jobSessionId: IDS.replicaSession,
    time: t("2026-06-15T03:00:00Z"),
  });
  const point = {
    creationTime: t("2026-06-15T05:40:00Z"),
    algorithm: "Increment",
    pointType: "Increment",
  } as const;
  inv.vmRestorePoints.push({
    id: IDS.vmRestorePoint,
    restorePointId: IDS.restorePoints[0],
    vmId: IDS.vmApp,
    ...point,
  });
  inv.vAppRestorePoints.push({
    id: IDS.vAppRestorePoint,
    restorePointId: IDS.restorePoints[1],
    vmId: IDS.vApp,
    ...point,
  });
  inv.vmReplicaPoints.push({
    id: IDS.vmReplicaPoint,
    restorePointId: IDS.replicaPoint,
    vmId: IDS.vmApp,
    ...point,
  });
  inv.backupFiles.push({
    id: IDS.backupFile,
    backupId: IDS.backup,
    restorePointId: IDS.restorePoints[0],
    filePath: "D:\\Backups\\BACKUP_CORP_SITE3_VMW_INF\\app01D2026-06-15T053419.vib",
    backupSize: 31_608_832,
    dataSize: 42_949_683_607,
    deduplicationRatio: 0,
    compressRatio: 1,
    creationTime: t("2026-06-15T05:34:19.503Z"),
    fileType: "vib",
  });
  inv.restoreSessions.push({
    id: IDS.restoreSession,
    vmRestorePointId: IDS.vmRestorePoint,
    jobType: "FileLevelRestore",
    creationTime: t("2026-06-15T09:00:00Z"),
    endTime: t("2026-06-15T09:30:00Z"),
    result: "Success",
    failureMessage: "",
    initiatedBy: "SRV12\\Administrator",
  });
}

function agents(inv: Inventory): void {
  const agent = {
    backupServerId: IDS.emServer,
    hostStatus: "Online" as const,
    agentStatus: "Installed" as const,
  };
  inv.agents.push(
    {
      ...agent,
      id: IDS.agent1,
      protectionGroupId: IDS.linuxGroup,
      protectionGroupName: "Agents_Oper_Linux",
      name: "host1.example.com",
      agentVersion: "6.3.2.1307",
      osVersion: "Red Hat Enterprise Linux 9.6 (Plow)",
      ipAddress: "1.2.3.4",
    },
    {
      ...agent,
      id: IDS.agent2,
      protectionGroupId: IDS.windowsGroup,
      protectionGroupName: "Agents_OPER",
      name: "hostx.example.com",
      agentVersion: "6.3.3.38",
      osVersion: "Microsoft Windows Server 2022 (21H2, 64-bit)",
      ipAddress: "1.2.3.5",
    },
  );
}

/** The hand-written inventory; `now` is the time the running job session is half way through. */
export function fixtureInventory(now = Date.now()): Inventory {
  const inv = emptyInventory();
  servers(inv);
  storage(inv);
  jobs(inv, now);
  sessions(inv, now);
  points(inv);
  agents(inv);
  return inv;
}
