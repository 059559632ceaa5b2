import type { JobPlan } from "./generate-jobs.js";
import type { Inventory, JobSession, Result, TaskSession, VirtualMachine } from "./model.js";
import { troublesOf, type RunTroubles } from "./names.js";
import type { Random } from "./random.js";
import { laneCount, placeTasks, stretchPlacements } from "./task-placement.js";

const SECOND = 1000;
const MINUTE = 60_000;
const DAY = 86_400_000;
type Ended = Exclude<Result, "None">;

/** One run of a job and what its restore points need. */
export interface Run {
  session: JobSession;
  /**
   * A full run reads every disk whole: when a VM of the job has no point yet (the first run,
   * or one after a VM failed for good), and weekly on Saturdays for backups.
   */
  full: boolean;
  /** The VMs the run saved (not Failed) and how many bytes it read from each. */
  saved: { vm: VirtualMachine; read: number }[];
}

export interface HistoryOptions {
  days: number;
  now: number;
  /** Keep the first job's latest run going until some minutes after `now`. */
  runningJob: boolean;
}

/**
 * One session per job per day for the last `days` days at the job's daily time, mostly
 * Success, some Warning, a few Failed (often followed by a retry of the failed VMs ten
 * minutes later, as the vendor's default retry does), with a task session per VM.
 * Returns the runs of each job, oldest first.
 */
export function buildHistory(
  inventory: Inventory,
  plans: JobPlan[],
  options: HistoryOptions,
  random: Random,
): Run[][] {
  return plans.map((plan, j) => {
    const failRate = random.pick([0.02, 0.03, 0.04, 0.1]);
    const warnRate = random.between(0.04, 0.12);
    let latest = Math.floor(options.now / DAY) * DAY + plan.job.dailyAtMinute! * MINUTE;
    if (latest > options.now) latest -= DAY;

    const runs: Run[] = [];
    // The VMs with a point already: a VM without one is read whole, so its run is a full.
    const chained = new Set<VirtualMachine>();
    for (let day = options.days - 1; day >= 0; day--) {
      const scheduled = latest - day * DAY;
      const start = Math.min(scheduled + random.int(0, 15) * SECOND, options.now);
      const weeklyFull = plan.job.jobType === "Backup" && new Date(start).getUTCDay() === 6;
      const full = weeklyFull || plan.vms.some((vm) => !chained.has(vm));
      const result = roll(random, failRate, warnRate);
      const keepRunning = j === 0 && day === 0 && options.runningJob;
      const minEnd = keepRunning ? options.now + random.int(10, 40) * MINUTE : 0;

      const run = addRun(
        inventory,
        plan,
        plan.vms,
        { start, full, result, isRetry: false, minEnd },
        random,
      );
      runs.push(run);
      const retry = retryOf(inventory, plan, run, options.now, random);
      if (retry) runs.push(retry);
      for (const ended of [run, retry]) {
        if (ended && ended.session.endTime <= options.now) {
          for (const { vm } of ended.saved) chained.add(vm);
        }
      }
    }
    return runs;
  });
}

function roll(random: Random, failRate: number, warnRate: number): Ended {
  const draw = random.next();
  return draw < failRate ? "Failed" : draw < failRate + warnRate ? "Warning" : "Success";
}

function retryOf(
  inventory: Inventory,
  plan: JobPlan,
  run: Run,
  now: number,
  random: Random,
): Run | null {
  if (run.session.result !== "Failed" || !random.chance(0.75)) return null;
  const start = run.session.endTime + 10 * MINUTE;
  if (start > now) return null;
  const saved = new Set(run.saved.map(({ vm }) => vm));
  const failed = plan.vms.filter((vm) => !saved.has(vm));
  const result = roll(random, 0.1, 0.1);
  return addRun(
    inventory,
    plan,
    failed,
    { start, full: run.full, result, isRetry: true, minEnd: 0 },
    random,
  );
}

interface RunSpec {
  start: number;
  full: boolean;
  result: Ended;
  isRetry: boolean;
  /** When not 0, the run is stretched to end no sooner than this. */
  minEnd: number;
}

function addRun(
  inventory: Inventory,
  plan: JobPlan,
  vms: VirtualMachine[],
  spec: RunSpec,
  random: Random,
): Run {
  const session: JobSession = {
    id: random.guid(),
    jobId: plan.job.id,
    kind: plan.job.jobType === "Replica" ? "Replica" : "Backup",
    creationTime: spec.start,
    endTime: spec.start,
    result: spec.result,
    failureMessage: "",
    isRetry: spec.isRetry,
  };
  const troubles = troublesOf(plan.job.jobType);
  const outcomes = taskOutcomes(vms.length, spec.result, troubles, random);
  const { tasks, reads } = taskTimes(session, vms, outcomes, spec.full, random);
  session.endTime =
    tasks.reduce((end, task) => Math.max(end, task.endTime), spec.start) +
    random.int(10, 40) * SECOND;
  if (spec.minEnd > session.endTime) stretch(session, tasks, spec.minEnd);

  const troubled = tasks.find((task) => task.result === spec.result && task.reason !== "");
  if (troubled) session.failureMessage = `${vmName(vms, troubled)}: ${troubled.reason}`;
  inventory.jobSessions.push(session);
  for (const task of tasks) inventory.taskSessions.push(task);

  const saved = [];
  for (let i = 0; i < vms.length; i++) {
    if (tasks[i]!.result !== "Failed") saved.push({ vm: vms[i]!, read: reads[i]! });
  }
  return { session, full: spec.full, saved };
}

function vmName(vms: VirtualMachine[], task: TaskSession): string {
  return vms.find((vm) => vm.id === task.vmId)!.name;
}

/** The result and reason of each VM: a Warning run has one or two warned VMs, a Failed run some failed ones. */
function taskOutcomes(
  count: number,
  result: Ended,
  troubles: RunTroubles,
  random: Random,
): { result: Ended; reason: string }[] {
  const outcomes = Array.from({ length: count }, () => ({
    result: "Success" as Ended,
    reason: "",
  }));
  if (result === "Success" || count === 0) return outcomes;
  const troubled =
    result === "Warning" ? random.int(1, Math.min(2, count)) : random.int(1, Math.ceil(count / 3));
  const from = random.int(0, count - 1);
  for (let i = 0; i < troubled; i++) {
    outcomes[(from + i) % count] = {
      result,
      reason: random.pick(result === "Warning" ? troubles.warnings : troubles.failures),
    };
  }
  return outcomes;
}

function readBytes(vm: VirtualMachine, full: boolean, random: Random): number {
  return full ? vm.sizeBytes : Math.round(vm.sizeBytes * random.between(0.01, 0.08));
}

/** Up to four VMs at once, each taking a snapshot, reading its disks, and cleaning up. */
function taskTimes(
  session: JobSession,
  vms: VirtualMachine[],
  outcomes: { result: Ended; reason: string }[],
  full: boolean,
  random: Random,
): { tasks: TaskSession[]; reads: number[] } {
  const reads = vms.map((vm) => readBytes(vm, full, random));
  const laneStarts = Array.from(
    { length: laneCount(vms.length) },
    () => session.creationTime + random.int(15, 45) * SECOND,
  );
  const placements = placeTasks(vms.length, {
    laneStarts,
    durationOf: (i) => {
      const bytesPerSecond = random.between(80, 400) * 1e6;
      const duration = random.int(40, 120) * SECOND + (reads[i]! * SECOND) / bytesPerSecond;
      return outcomes[i]!.result === "Failed" ? duration * random.between(0.1, 0.5) : duration;
    },
    pauseAfter: () => random.int(2, 10) * SECOND,
  });
  const tasks = vms.map((vm, i) => ({
    id: random.guid(),
    jobSessionId: session.id,
    vmId: vm.id,
    ...placements[i]!,
    result: outcomes[i]!.result,
    reason: outcomes[i]!.reason,
    totalSize: vm.sizeBytes,
  }));
  return { tasks, reads };
}

/** Spreads a run so it ends at `end`: the run that is still going when the inventory is made. */
function stretch(session: JobSession, tasks: TaskSession[], end: number): void {
  stretchPlacements(tasks, session.creationTime, { from: session.endTime, to: end });
  session.endTime = end;
}
