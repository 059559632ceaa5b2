import { buildHistory } from "./generate-history.js";
import { buildJobs } from "./generate-jobs.js";
import { jobMixes, themedBackups } from "./job-mix.js";
import { buildPoints } from "./generate-points.js";
import { buildFailoverPlans, buildRestores } from "./generate-restores.js";
import { buildExtras, buildSites } from "./generate-site.js";
import { emptyInventory, type Inventory } from "./model.js";
import { Random } from "./random.js";
import { sizeRepositories } from "./size-repositories.js";

export interface GenerateOptions {
  /** Backup servers (1 to 1000). */
  servers: number;
  /** Jobs, spread over the servers (0 to 100,000). */
  jobs: number;
  /** VMs, spread over the servers (at least one per server when there are jobs). */
  vms: number;
  /** Days of history: one run per job per day (0 to 3660). */
  days: number;
  /** Any text or number; the same seed and `now` give the same inventory. */
  seed: string | number;
  /** The instant the history ends at, epoch milliseconds. */
  now: number;
  /** Keep the first job running at `now`, so "running jobs" is not always 0. Default true. */
  runningJob?: boolean;
}

const LIMITS = {
  servers: [1, 1000],
  jobs: [0, 100_000],
  vms: [0, 1_000_000],
  days: [0, 3660],
} as const;

/** Raised for options the generator cannot use; the message names the option. */
export class GenerateOptionsInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GenerateOptionsInvalid";
  }
}

/**
 * A believable backup site, the same for the same options: backup servers with their
 * proxies, repositories and vCenter, VMs, daily backup, copy and replica jobs each named
 * after the kind of VMs it holds, `days` of their history with task sessions, the restore
 * points that history left, some restores, WAN accelerators, failover plans, external
 * repositories and agents.
 */
export function generateInventory(options: GenerateOptions): Inventory {
  checkOptions(options);
  const { servers, jobs, vms, days, now } = options;
  const runningJob = options.runningJob ?? true;
  const random = new Random(String(options.seed));
  const inventory = emptyInventory();

  const withVApps = Math.ceil(jobs / servers) >= 4 && vms >= servers + 10;
  // The jobs are laid out first, so each VM can be given the theme of the job that protects it.
  const mixes = jobMixes({ servers, jobs, withVApps });
  const themedJobs = mixes.map((mix) => themedBackups(mix).length);
  const counts = { servers, vms, withVApps, themedJobs };
  const sites = buildSites(inventory, counts, random.fork("site"));
  buildExtras(inventory, sites, random.fork("extras"));
  const plans = buildJobs(inventory, sites, mixes, { now, runningJob }, random.fork("jobs"));
  const runs = buildHistory(inventory, plans, { days, now, runningJob }, random.fork("history"));
  buildPoints(inventory, plans, runs, now, random.fork("points"));
  sizeRepositories(inventory, random.fork("capacity"));
  buildRestores(inventory, { days, servers, now }, random.fork("restores"));
  buildFailoverPlans(inventory, plans, random.fork("failover"));

  // Collections read in creation order, as the product lists them.
  const byTime = (a: { creationTime: number }, b: { creationTime: number }) =>
    a.creationTime - b.creationTime;
  inventory.jobSessions.sort(byTime);
  inventory.taskSessions.sort(byTime);
  inventory.restoreSessions.sort(byTime);
  return inventory;
}

function checkOptions(options: GenerateOptions): void {
  for (const [key, [min, max]] of Object.entries(LIMITS)) {
    const value = options[key as keyof typeof LIMITS];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new GenerateOptionsInvalid(`--${key} must be a whole number from ${min} to ${max}`);
    }
  }
  if (options.jobs > 0 && options.vms < options.servers) {
    throw new GenerateOptionsInvalid(
      "--vms must be at least --servers, so every server's jobs have VMs",
    );
  }
  if (!Number.isInteger(options.now) || options.now < 0) {
    throw new GenerateOptionsInvalid("the time the history ends at must be epoch milliseconds");
  }
}
