import type { ServerSite } from "./generate-site.js";
import { themeAt, themedBackups, type JobMix } from "./job-mix.js";
import type { Inventory, Job, JobType, Repository, VirtualMachine } from "./model.js";
import type { Random } from "./random.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A job with the objects its runs need. */
export interface JobPlan {
  job: Job;
  /** What the job is named after, e.g. `SQL Servers` or `SQL Servers 2`. */
  label: string;
  vms: VirtualMachine[];
  repository: Repository | null;
  site: ServerSite;
}

/**
 * Jobs of each server as its mix lists them. The server's VMs are shared out among its backup
 * jobs, each named after the theme of its VMs; a copy job copies the backup job before it
 * offsite, and a replica job replicates some VMs of that backup job, named after it too.
 */
export function buildJobs(
  inventory: Inventory,
  sites: ServerSite[],
  mixes: JobMix[],
  options: { now: number; runningJob: boolean },
  random: Random,
): JobPlan[] {
  const plans = sites.flatMap((site, s) => siteJobs(site, mixes[s]!, random));

  // Jobs run in the evening and night; the first job is moved so that it is running now.
  plans.forEach(({ job }, j) => {
    const minute =
      j === 0 && options.runningJob
        ? minuteOfDay(options.now) - random.int(5, 20)
        : job.dailyAtMinute!;
    job.dailyAtMinute = (minute + 1440) % 1440;
    job.nextRun = nextRunAfter(options.now, job.dailyAtMinute);
    inventory.jobs.push(job);
  });
  return plans;
}

function siteJobs(site: ServerSite, mix: JobMix, random: Random): JobPlan[] {
  const themed = themedBackups(mix);
  const labels = new Map<string, number>();
  const plans: JobPlan[] = [];
  // The mix always starts with a themed backup job, so copies and replicas have a source.
  let lastBackup: JobPlan | undefined;
  mix.types.forEach((type, k) => {
    let plan: JobPlan;
    if (k === mix.vCloudAt) plan = vCloudJob(site, k, random);
    else if (type === "BackupCopy") plan = copyJob(site, lastBackup!, random);
    else if (type === "Replica") plan = replicaJob(site, lastBackup!, random);
    else {
      plan = backupJob(site, k, themed, labels, random);
      lastBackup = plan;
    }
    plans.push(plan);
  });
  return plans;
}

function minuteOfDay(time: number): number {
  return Math.floor((time % DAY) / MINUTE);
}

/** The first daily run strictly after `now`. */
export function nextRunAfter(now: number, dailyAtMinute: number): number {
  const today = Math.floor(now / DAY) * DAY + dailyAtMinute * MINUTE;
  return today > now ? today : today + DAY;
}

function newJob(site: ServerSite, jobType: JobType, name: string, random: Random): Job {
  return {
    id: random.guid(),
    backupServerId: site.server.id,
    name,
    jobType,
    platform: "VMware",
    description: `Daily ${jobType === "Replica" ? "replication" : "backup"} job`,
    scheduleConfigured: true,
    scheduleEnabled: true,
    dailyAtMinute: 0,
    nextRun: null,
    repositoryId: null,
    vmIds: [],
    linkedJobIds: [],
    linkedBackupRepositoryIds: [],
  };
}

/** The theme's name, numbered from 2 when the server already has a job named after it. */
function uniqueLabel(base: string, counts: Map<string, number>): string {
  // No theme's name ends in a number, so counting per theme keeps the labels unique.
  const count = (counts.get(base) ?? 0) + 1;
  counts.set(base, count);
  return count === 1 ? base : `${base} ${count}`;
}

function finish(plan: JobPlan, minute: number): JobPlan {
  plan.job.vmIds = plan.vms.map((vm) => vm.id);
  plan.job.repositoryId = plan.repository?.id ?? null;
  plan.job.dailyAtMinute = minute;
  return plan;
}

/**
 * The `b`-th themed backup job takes every VM whose position on the server is `b` modulo the
 * number of themed jobs: the VMs given its theme (see themeAt). When the server has fewer VMs
 * than such jobs, the extra jobs protect one VM again each, and are named after its theme.
 */
function backupJob(
  site: ServerSite,
  k: number,
  themed: number[],
  labels: Map<string, number>,
  random: Random,
): JobPlan {
  const b = themed.indexOf(k);
  const mine: VirtualMachine[] = [];
  // Stepping, not filtering: a server may have 100,000 jobs over a million VMs.
  for (let p = b; p < site.vms.length; p += themed.length) mine.push(site.vms[p]!);
  const first = b % site.vms.length;
  const vms = mine.length > 0 ? mine : [site.vms[first]!];
  const label = uniqueLabel(themeAt(first, themed.length).name, labels);

  const job = newJob(site, "Backup", `${site.site.toUpperCase()} Backup ${label}`, random);
  // Most backups go to the hardened repository, some to the default one.
  const repository = site.repositories[random.chance(0.75) ? 1 : 0]!;
  const minute = 1200 + ((k * 23 + random.int(0, 20)) % 360);
  return finish({ job, label, vms, repository, site }, minute);
}

function vCloudJob(site: ServerSite, k: number, random: Random): JobPlan {
  const label = "vCloud vApps";
  const job = newJob(site, "Backup", `${site.site.toUpperCase()} Backup ${label}`, random);
  job.platform = "vCloud";
  const plan = { job, label, vms: site.vApps, repository: site.repositories[1]!, site };
  return finish(plan, 60 + k);
}

function copyJob(site: ServerSite, source: JobPlan, random: Random): JobPlan {
  const { label } = source;
  const name = `${site.site.toUpperCase()} Copy ${label} offsite`;
  const job = newJob(site, "BackupCopy", name, random);
  const start = source.job.dailyAtMinute! + random.int(90, 180);
  job.linkedJobIds = [source.job.id];
  const plan = { job, label, vms: source.vms, repository: site.repositories[2]!, site };
  return finish(plan, start % 1440);
}

/** The first VMs of the source backup job, up to half of them and at most six. */
function replicaJob(site: ServerSite, source: JobPlan, random: Random): JobPlan {
  const { label } = source;
  const job = newJob(site, "Replica", `${site.site.toUpperCase()} Replica ${label}`, random);
  const vms = source.vms.slice(0, Math.min(6, Math.ceil(source.vms.length / 2)));
  const plan = finish({ job, label, vms, repository: null, site }, random.int(0, 240));
  // Not a target (replicas go to a host), but where the replicas' metadata is kept.
  job.repositoryId = site.repositories[0]!.id;
  return plan;
}
