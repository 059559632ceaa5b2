import type { Inventory, InventoryKind, Job, RestorePoint } from "./model.js";
import type { Problems } from "./problems.js";

type Item<K extends InventoryKind> = Inventory[K][number];

/** Looks objects up by id; each kind's map is built when a rule first needs it. */
class Lookup {
  readonly #maps = new Map<InventoryKind, Map<string, unknown>>();
  constructor(readonly inventory: Inventory) {}

  get<K extends InventoryKind>(kind: K, id: string): Item<K> {
    let map = this.#maps.get(kind);
    if (map === undefined) {
      map = new Map(this.inventory[kind].map((item: { id: string }) => [item.id, item]));
      this.#maps.set(kind, map);
    }
    // The reference round has already shown that every id names an object.
    return map.get(id) as Item<K>;
  }
}

/**
 * The rules between objects that types and references alone do not catch, each one a fact
 * of a real backup site (a replica belongs to a replica job, a run ends after it starts…).
 * Runs only on an inventory whose fields and references are sound.
 */
export function checkRules(inventory: Inventory, problems: Problems): void {
  const lookup = new Lookup(inventory);
  for (const kind of ["jobSessions", "taskSessions", "restoreSessions"] as const) {
    inventory[kind].forEach((run, i) => {
      if (run.endTime < run.creationTime) {
        problems.add(`${kind}[${i}].endTime`, "is before creationTime");
      }
    });
  }
  inventory.repositories.forEach((repository, i) => {
    const { capacity, freeSpace } = repository;
    if (capacity >= 0 && freeSpace > capacity) {
      problems.add(`repositories[${i}].freeSpace`, `is more than the capacity ${capacity}`);
    }
  });
  checkHosts(inventory, lookup, problems);
  inventory.jobs.forEach((job, i) => checkJob(job, `jobs[${i}]`, lookup, problems));
  checkJobSessions(inventory, lookup, problems);
  checkBackupsAndReplicas(inventory, lookup, problems);
  checkRestorePoints(inventory, lookup, problems);
  checkPointsAndFiles(inventory, lookup, problems);
}

// A hierarchy root with a managed server's id is that server (EM gives a vCenter one id for both).
function checkHosts(inventory: Inventory, lookup: Lookup, problems: Problems): void {
  const servers = new Set(inventory.managedServers.map((server) => server.id));
  inventory.hierarchyRoots.forEach((root, i) => {
    if (!servers.has(root.id)) return;
    if (lookup.get("managedServers", root.id).backupServerId !== root.backupServerId) {
      problems.add(`hierarchyRoots[${i}].id`, "is a managed server of another backup server");
    }
  });
}

function checkJob(job: Job, path: string, lookup: Lookup, problems: Problems): void {
  if (job.jobType !== "Replica" && job.repositoryId === null) {
    problems.add(`${path}.repositoryId`, `a ${job.jobType} job needs its target repository`);
  }
  if (job.repositoryId !== null) {
    const repository = lookup.get("repositories", job.repositoryId);
    if (repository.backupServerId !== job.backupServerId) {
      problems.add(`${path}.repositoryId`, "names a repository of another backup server");
    }
  }
  if (job.dailyAtMinute !== null && !job.scheduleConfigured) {
    problems.add(`${path}.dailyAtMinute`, "is set but scheduleConfigured is false");
  }
  checkLinks(job, path, lookup, problems);
  job.vmIds.forEach((vmId, at) => {
    const root = lookup.get("hierarchyRoots", lookup.get("vms", vmId).hierarchyRootId);
    if (root.backupServerId !== job.backupServerId) {
      problems.add(`${path}.vmIds[${at}]`, "names a VM that another backup server manages");
    }
  });
}

/** What a copy job copies from: backup jobs and repositories of its own backup server. */
function checkLinks(job: Job, path: string, lookup: Lookup, problems: Problems): void {
  const isCopy = job.jobType !== "Backup" && job.jobType !== "Replica";
  const sources = [
    ["linkedJobIds", "jobs", job.linkedJobIds],
    ["linkedBackupRepositoryIds", "repositories", job.linkedBackupRepositoryIds],
  ] as const;
  for (const [field, kind, ids] of sources) {
    if (!isCopy && ids.length > 0) {
      problems.add(`${path}.${field}`, `is for copy jobs only, not a ${job.jobType} job`);
      continue;
    }
    ids.forEach((id, at) => {
      const source = lookup.get(kind, id);
      if (source.backupServerId !== job.backupServerId) {
        problems.add(`${path}.${field}[${at}]`, "names one of another backup server");
      } else if ("jobType" in source && source.jobType !== "Backup") {
        problems.add(`${path}.${field}[${at}]`, `names a ${source.jobType} job, not a Backup job`);
      }
    });
  }
}

function checkJobSessions(inventory: Inventory, lookup: Lookup, problems: Problems): void {
  inventory.jobSessions.forEach((session, i) => {
    const job = lookup.get("jobs", session.jobId);
    const kind = job.jobType === "Replica" ? "Replica" : "Backup";
    if (session.kind !== kind) {
      problems.add(`jobSessions[${i}].kind`, `must be ${kind} for a ${job.jobType} job`);
    }
  });
}

function checkBackupsAndReplicas(inventory: Inventory, lookup: Lookup, problems: Problems): void {
  inventory.backups.forEach((backup, i) => {
    if (lookup.get("jobs", backup.jobId).jobType === "Replica") {
      problems.add(`backups[${i}].jobId`, "names a Replica job, which makes replicas");
    }
  });
  inventory.replicas.forEach((replica, i) => {
    const { jobType } = lookup.get("jobs", replica.jobId);
    if (jobType !== "Replica") problems.add(`replicas[${i}].jobId`, `names a ${jobType} job`);
  });
}

function checkRestorePoints(inventory: Inventory, lookup: Lookup, problems: Problems): void {
  inventory.restorePoints.forEach((point, i) => {
    const path = `restorePoints[${i}]`;
    if ((point.backupId === null) === (point.replicaId === null)) {
      problems.add(path, "needs exactly one of backupId and replicaId");
      return;
    }
    const owner =
      point.backupId !== null
        ? lookup.get("backups", point.backupId)
        : lookup.get("replicas", point.replicaId!);
    if (lookup.get("jobSessions", point.jobSessionId).jobId !== owner.jobId) {
      problems.add(`${path}.jobSessionId`, "names a run of another job than its backup's");
    }
  });
}

function checkPointsAndFiles(inventory: Inventory, lookup: Lookup, problems: Problems): void {
  const pointOf = (id: string): RestorePoint => lookup.get("restorePoints", id);
  for (const kind of ["vmRestorePoints", "vAppRestorePoints"] as const) {
    inventory[kind].forEach((point, i) => {
      if (pointOf(point.restorePointId).backupId === null) {
        problems.add(`${kind}[${i}].restorePointId`, "names a replica's restore point");
      }
    });
  }
  inventory.vAppRestorePoints.forEach((point, i) => {
    if (!lookup.get("vms", point.vmId).isVApp) {
      problems.add(`vAppRestorePoints[${i}].vmId`, "names a VM that is not a vApp");
    }
  });
  inventory.vmReplicaPoints.forEach((point, i) => {
    if (pointOf(point.restorePointId).replicaId === null) {
      problems.add(`vmReplicaPoints[${i}].restorePointId`, "names a backup's restore point");
    }
  });
  inventory.backupFiles.forEach((file, i) => {
    if (pointOf(file.restorePointId).backupId !== file.backupId) {
      problems.add(`backupFiles[${i}].restorePointId`, "names a restore point of another backup");
    }
  });
}
