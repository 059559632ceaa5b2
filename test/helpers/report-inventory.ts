/**
 * A small builder of hand-made inventories for the report tests: servers, repositories,
 * VMs, jobs and runs, with every reference filled in, so a test states only what its
 * figures depend on. Ids are counted GUIDs, so a failing test names the same ids each run.
 */
import {
  emptyInventory,
  type BackupServer,
  type Inventory,
  type Job,
  type JobSession,
  type JobType,
  type ManagedServer,
  type Repository,
  type Result,
  type VirtualMachine,
} from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const GIB = 1024 ** 3;

type Ended = Exclude<Result, "None">;

export interface JobOptions {
  name: string;
  jobType?: JobType;
  /** Configured and enabled unless told otherwise. */
  scheduleConfigured?: boolean;
  scheduleEnabled?: boolean;
  repository?: Repository;
  vms?: VirtualMachine[];
}

export interface RunOptions {
  start: number;
  end: number;
  result: Ended;
  /** One task session per VM, ending with the run unless `end` is given. */
  tasks?: { vm: VirtualMachine; result: Ended; end?: number }[];
  /** Backup files the run wrote (backup jobs only), created at the run's end. */
  files?: { type: "vbk" | "vib" | "vrb"; size: number }[];
}

export class ReportInventoryBuilder {
  readonly inventory: Inventory = emptyInventory();
  #count = 0;
  readonly #pointOfRun = new Map<string, string>();
  readonly #backupOfJob = new Map<string, string>();
  readonly #replicaOfJob = new Map<string, string>();

  id(): string {
    this.#count += 1;
    return `00000000-0000-4000-8000-${String(this.#count).padStart(12, "0")}`;
  }

  backupServer(name: string): BackupServer {
    const server: BackupServer = {
      id: this.id(),
      name,
      description: "",
      port: 9392,
      version: "12.3.1.1139",
      wcfPort: 9405,
      certificateThumbprint: "",
    };
    this.inventory.backupServers.push(server);
    return server;
  }

  managedServer(server: BackupServer, name: string, roles: ManagedServer["roles"]): ManagedServer {
    const managed: ManagedServer = {
      id: this.id(),
      backupServerId: server.id,
      name,
      description: "",
      managedServerType: "Windows",
      roles,
    };
    this.inventory.managedServers.push(managed);
    return managed;
  }

  repository(server: BackupServer, name: string, capacity: number, freeSpace: number): Repository {
    const kind = capacity < 0 ? "AmazonS3Compatible" : "WinLocal";
    const repository: Repository = {
      id: this.id(),
      backupServerId: server.id,
      name,
      kind,
      capacity,
      freeSpace,
    };
    this.inventory.repositories.push(repository);
    return repository;
  }

  vm(name: string, sizeBytes: number): VirtualMachine {
    let root = this.inventory.hierarchyRoots[0];
    if (root === undefined) {
      const server = this.inventory.backupServers[0] ?? this.backupServer("vbr");
      root = {
        id: this.id(),
        backupServerId: server.id,
        name: "vcenter",
        uniqueId: this.id(),
        hostType: "VC",
      };
      this.inventory.hierarchyRoots.push(root);
    }
    const vm: VirtualMachine = {
      id: this.id(),
      hierarchyRootId: root.id,
      name,
      moref: `vm-${this.#count}`,
      sizeBytes,
      indexed: false,
    };
    this.inventory.vms.push(vm);
    return vm;
  }

  job(server: BackupServer, options: JobOptions): Job {
    const jobType = options.jobType ?? "Backup";
    const job: Job = {
      id: this.id(),
      backupServerId: server.id,
      name: options.name,
      jobType,
      platform: "VMware",
      description: "",
      scheduleConfigured: options.scheduleConfigured ?? true,
      scheduleEnabled: options.scheduleEnabled ?? true,
      dailyAtMinute: null,
      nextRun: null,
      repositoryId: jobType === "Replica" ? null : (options.repository?.id ?? null),
      vmIds: (options.vms ?? []).map((vm) => vm.id),
      linkedJobIds: [],
      linkedBackupRepositoryIds: [],
    };
    this.inventory.jobs.push(job);
    return job;
  }

  /**
   * One run of `job`, its task sessions, and for each task that did not fail a restore point
   * (a backup point, or a replica point for replica jobs) created when the task ended.
   */
  run(job: Job, options: RunOptions): JobSession {
    const kind = job.jobType === "Replica" ? "Replica" : "Backup";
    const session: JobSession = {
      id: this.id(),
      jobId: job.id,
      kind,
      creationTime: options.start,
      endTime: options.end,
      result: options.result,
      failureMessage: options.result === "Failed" ? "Processing failed" : "",
      isRetry: false,
    };
    this.inventory.jobSessions.push(session);

    for (const task of options.tasks ?? []) {
      const end = task.end ?? options.end;
      this.inventory.taskSessions.push({
        id: this.id(),
        jobSessionId: session.id,
        vmId: task.vm.id,
        creationTime: options.start,
        endTime: end,
        result: task.result,
        reason: "",
        totalSize: task.vm.sizeBytes,
      });
      if (task.result !== "Failed") this.#point(job, session, task.vm, end);
    }
    for (const file of options.files ?? []) this.#file(job, session, file, options.end);
    return session;
  }

  view(): InventoryView {
    return new InventoryView(this.inventory);
  }

  #point(job: Job, session: JobSession, vm: VirtualMachine, time: number): void {
    const replica = job.jobType === "Replica";
    // One restore point per run groups the VM points taken in it.
    let restorePointId = this.#pointOfRun.get(session.id);
    if (restorePointId === undefined) {
      restorePointId = this.id();
      this.inventory.restorePoints.push({
        id: restorePointId,
        backupId: replica ? null : this.#backupOf(job),
        replicaId: replica ? this.#replicaOf(job) : null,
        jobSessionId: session.id,
        time,
      });
      this.#pointOfRun.set(session.id, restorePointId);
    }
    const point = {
      id: this.id(),
      restorePointId,
      vmId: vm.id,
      creationTime: time,
      algorithm: "Increment" as const,
      pointType: "Increment" as const,
    };
    if (replica) this.inventory.vmReplicaPoints.push(point);
    else this.inventory.vmRestorePoints.push(point);
  }

  #file(
    job: Job,
    session: JobSession,
    file: { type: "vbk" | "vib" | "vrb"; size: number },
    time: number,
  ) {
    const backupId = this.#backupOf(job);
    const restorePointId = this.#pointOfRun.get(session.id);
    if (restorePointId === undefined)
      throw new Error("a backup file needs a run with a restore point");
    this.inventory.backupFiles.push({
      id: this.id(),
      backupId,
      restorePointId,
      filePath: `${job.name}.${file.type}`,
      backupSize: file.size,
      dataSize: file.size * 2,
      deduplicationRatio: 1,
      compressRatio: 2,
      creationTime: time,
      fileType: file.type,
    });
  }

  #backupOf(job: Job): string {
    const found = this.#backupOfJob.get(job.id);
    if (found !== undefined) return found;
    if (job.repositoryId === null) throw new Error(`backup job ${job.name} has no repository`);
    const backup = {
      id: this.id(),
      jobId: job.id,
      repositoryId: job.repositoryId,
      name: job.name,
      platform: job.platform,
    };
    this.inventory.backups.push(backup);
    this.#backupOfJob.set(job.id, backup.id);
    return backup.id;
  }

  #replicaOf(job: Job): string {
    const found = this.#replicaOfJob.get(job.id);
    if (found !== undefined) return found;
    const replica = { id: this.id(), jobId: job.id, name: job.name, platform: job.platform };
    this.inventory.replicas.push(replica);
    this.#replicaOfJob.set(job.id, replica.id);
    return replica.id;
  }
}
