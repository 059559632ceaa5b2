import type { Inventory, Job, JobType, Repository, VirtualMachine } from "./model.js";
import { JOB_THEMES } from "./names.js";
import type { Random } from "./random.js";
import type { ServerSite } from "./generate-site.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A job with the objects its runs need. */
export interface JobPlan {
  job: Job;
  vms: VirtualMachine[];
  repository: Repository | null;
  site: ServerSite;
}

// The mix of job types on one server, repeated: mostly backups, a copy, some replicas.
const PATTERN: readonly JobType[] = [
  "Backup",
  "Backup",
  "BackupCopy",
  "Replica",
  "Backup",
  "Backup",
  "Backup",
  "Replica",
];

/**
 * Jobs spread over the servers in turn. Each server's VMs are split among its backup jobs, a
 * copy job copies the backup job before it offsite, a replica job replicates a few VMs.
 */
export function buildJobs(
  inventory: Inventory,
  sites: ServerSite[],
  options: { jobs: number; now: number; runningJob: boolean; withVApps: boolean },
  random: Random,
): JobPlan[] {
  const perSite = sites.map((site, s) => {
    const count =
      Math.floor(options.jobs / sites.length) + (s < options.jobs % sites.length ? 1 : 0);
    return Array.from({ length: count }, (_, k) => PATTERN[k % PATTERN.length]!);
  });

  const plans: JobPlan[] = [];
  sites.forEach((site, s) => {
    const types = perSite[s]!;
    const vCloudAt = s === 0 && options.withVApps ? 1 : -1;
    const backupSlots = types
      .map((type, k) => (type === "Backup" && k !== vCloudAt ? k : -1))
      .filter((k) => k >= 0);
    let lastBackup: JobPlan | undefined;
    types.forEach((type, k) => {
      const plan =
        k === vCloudAt
          ? vCloudJob(site, k, random)
          : type === "Backup"
            ? backupJob(site, k, backupSlots, random)
            : type === "BackupCopy"
              ? copyJob(site, k, lastBackup, random)
              : replicaJob(site, k, random);
      if (type === "Backup" && k !== vCloudAt) lastBackup = plan;
      plans.push(plan);
    });
  });

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

function theme(k: number): string {
  const base = JOB_THEMES[k % JOB_THEMES.length]!;
  return k < JOB_THEMES.length ? base : `${base} ${Math.floor(k / JOB_THEMES.length) + 1}`;
}

function finish(plan: JobPlan, minute: number): JobPlan {
  plan.job.vmIds = plan.vms.map((vm) => vm.id);
  plan.job.repositoryId = plan.repository?.id ?? null;
  plan.job.dailyAtMinute = minute;
  return plan;
}

function backupJob(site: ServerSite, k: number, slots: number[], random: Random): JobPlan {
  const job = newJob(site, "Backup", `${site.site.toUpperCase()} Backup ${theme(k)}`, random);
  const vms = share(site.vms, slots.indexOf(k), slots.length);
  // Most backups go to the hardened repository, some to the default one.
  const repository = site.repositories[random.chance(0.75) ? 1 : 0]!;
  return finish({ job, vms, repository, site }, 1200 + ((k * 23 + random.int(0, 20)) % 360));
}

function vCloudJob(site: ServerSite, k: number, random: Random): JobPlan {
  const job = newJob(site, "Backup", `${site.site.toUpperCase()} Backup vCloud vApps`, random);
  job.platform = "vCloud";
  return finish({ job, vms: site.vApps, repository: site.repositories[1]!, site }, 60 + k);
}

function copyJob(
  site: ServerSite,
  k: number,
  source: JobPlan | undefined,
  random: Random,
): JobPlan {
  const what = source ? source.job.name.replace(/^\S+ Backup /, "") : theme(k);
  const job = newJob(site, "BackupCopy", `${site.site.toUpperCase()} Copy ${what} offsite`, random);
  const vms = source?.vms ?? share(site.vms, k, k + 1);
  const start = (source?.job.dailyAtMinute ?? 1320) + random.int(90, 180);
  if (source) job.linkedJobIds = [source.job.id];
  return finish({ job, vms, repository: site.repositories[2]!, site }, start % 1440);
}

function replicaJob(site: ServerSite, k: number, random: Random): JobPlan {
  const job = newJob(site, "Replica", `${site.site.toUpperCase()} Replica ${theme(k)}`, random);
  const count = Math.min(6, Math.max(1, Math.ceil(site.vms.length / 5)));
  const from = (k * 3) % site.vms.length;
  const vms = [...site.vms, ...site.vms].slice(from, from + count);
  const plan = finish({ job, vms, repository: null, site }, random.int(0, 240));
  // Not a target (replicas go to a host), but where the replicas' metadata is kept.
  job.repositoryId = site.repositories[0]!.id;
  return plan;
}

/** The `part`-th of `parts` slices of `items`; one item in turn when there are too few. */
function share<T>(items: T[], part: number, parts: number): T[] {
  if (items.length === 0) return [];
  if (items.length < parts) return [items[part % items.length]!];
  return items.slice(
    Math.floor((part * items.length) / parts),
    Math.floor(((part + 1) * items.length) / parts),
  );
}
