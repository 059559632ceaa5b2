import type { Run } from "./generate-history.js";
import type { JobPlan } from "./generate-jobs.js";
import type { Backup, Inventory, Replica, Repository, RestorePoint } from "./model.js";
import type { Random } from "./random.js";

/**
 * Backups and replicas with the restore points their runs left: a point for every ended run
 * that saved at least one VM, kept for the job's retention (7 to 30 points), reaching back to
 * the full runs its VMs' chains start from, with a VM point per saved VM and a file per point.
 */
export function buildPoints(
  inventory: Inventory,
  plans: JobPlan[],
  runs: Run[][],
  now: number,
  random: Random,
): void {
  plans.forEach((plan, j) => {
    const ended = runs[j]!.filter((run) => run.saved.length > 0 && run.session.endTime <= now);
    if (ended.length === 0) return;
    const isReplica = plan.job.jobType === "Replica";
    const retention = isReplica ? 7 : random.pick([7, 14, 14, 30]);
    let cut = Math.max(0, ended.length - retention);
    while (cut > 0 && !startsChains(ended.slice(cut))) cut--;
    const kept = ended.slice(cut);

    if (isReplica) addReplica(inventory, plan, kept, random);
    else addBackup(inventory, plan, kept, random);
  });
}

/**
 * Whether every VM's oldest point among `runs` is a full one: a kept chain never starts with
 * an increment. The first run always qualifies, as a VM's first point comes from a full run.
 */
function startsChains(runs: Run[]): boolean {
  const seen = new Set<string>();
  for (const run of runs) {
    for (const { vm } of run.saved) {
      if (!seen.has(vm.id) && !run.full) return false;
      seen.add(vm.id);
    }
  }
  return true;
}

function addReplica(inventory: Inventory, plan: JobPlan, runs: Run[], random: Random): void {
  const { job } = plan;
  const replica: Replica = {
    id: random.guid(),
    jobId: job.id,
    name: job.name,
    platform: job.platform,
  };
  inventory.replicas.push(replica);
  for (const run of runs) {
    const point = addPoint(inventory, run, null, replica.id, random);
    for (const { vm } of run.saved) {
      inventory.vmReplicaPoints.push({
        id: random.guid(),
        restorePointId: point.id,
        vmId: vm.id,
        ...kindOf(run),
      });
    }
  }
}

function addBackup(inventory: Inventory, plan: JobPlan, runs: Run[], random: Random): void {
  const { job } = plan;
  const repository = plan.repository!;
  const backup: Backup = {
    id: random.guid(),
    jobId: job.id,
    repositoryId: repository.id,
    name: job.name,
    platform: job.platform,
  };
  inventory.backups.push(backup);

  for (const run of runs) {
    const point = addPoint(inventory, run, backup.id, null, random);
    for (const { vm } of run.saved) {
      const vmPoint = { id: random.guid(), restorePointId: point.id, vmId: vm.id, ...kindOf(run) };
      if (vm.isVApp) inventory.vAppRestorePoints.push(vmPoint);
      else inventory.vmRestorePoints.push(vmPoint);
    }
    addFile(inventory, backup, repository, point, run, random);
  }
}

function addPoint(
  inventory: Inventory,
  run: Run,
  backupId: string | null,
  replicaId: string | null,
  random: Random,
): RestorePoint {
  const point = {
    id: random.guid(),
    backupId,
    replicaId,
    jobSessionId: run.session.id,
    time: run.session.creationTime,
  };
  inventory.restorePoints.push(point);
  return point;
}

function kindOf(run: Run) {
  const type = run.full ? ("Full" as const) : ("Increment" as const);
  return { creationTime: run.session.creationTime, algorithm: type, pointType: type };
}

/** One file per point: what the run read, shrunk by deduplication and compression. */
function addFile(
  inventory: Inventory,
  backup: Backup,
  repository: Repository,
  point: RestorePoint,
  run: Run,
  random: Random,
): void {
  const dataSize = run.saved.reduce((sum, { read }) => sum + read, 0);
  const deduplicationRatio = round2(run.full ? random.between(1.1, 1.8) : random.between(1, 1.2));
  const compressRatio = round2(random.between(1.6, 2.4));
  const fileType = run.full ? "vbk" : "vib";
  inventory.backupFiles.push({
    id: random.guid(),
    backupId: backup.id,
    restorePointId: point.id,
    filePath: filePath(
      repository,
      backup.name,
      run.session.creationTime,
      random.hexUpper(4),
      fileType,
    ),
    backupSize: Math.round(dataSize / (deduplicationRatio * compressRatio)),
    dataSize,
    deduplicationRatio,
    compressRatio,
    creationTime: run.session.creationTime,
    fileType,
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Where the repository keeps the file, named as the product names backup files: job, time, tag. */
function filePath(
  repository: Repository,
  job: string,
  time: number,
  tag: string,
  type: string,
): string {
  const stamp = new Date(time).toISOString().slice(0, 19).replace(/:/g, "");
  const file = `${job}D${stamp}_${tag}.${type}`;
  switch (repository.kind) {
    case "WinLocal":
      return `D:\\Backups\\${job}\\${file}`;
    case "DDBoost":
      return `ddboost://${repository.name}/veeam/${job}/${file}`;
    case "AmazonS3Compatible":
      return `s3://${repository.name}/Veeam/Backup/${job}/${file}`;
    default:
      return `/mnt/backup/${job}/${file}`;
  }
}
