import { randomUUID } from "node:crypto";
import type { Job, JobSession, TaskSession, VirtualMachine } from "../inventory/model.js";
import {
  laneCount,
  placeTasks,
  stretchPlacements,
  type Placement,
} from "../inventory/task-placement.js";
import type { InventoryView } from "../inventory/view.js";

const SECOND = 1000;
const MINUTE = 60_000;
const BYTES_PER_SECOND = 200e6;

/** A new run's length when the job has never run: a short incremental backup. */
const FIRST_RUN_MS = 10 * 60_000;

/** How many of a job's ended runs set the length of its next one. */
const RECENT_RUNS = 5;

/** The job's runs, newest first. */
export function runsOf(view: InventoryView, jobId: string): JobSession[] {
  return view
    .all("jobSessions")
    .filter((run) => run.jobId === jobId)
    .sort((a, b) => b.creationTime - a.creationTime);
}

/** The tasks of one run, one per VM it processes. */
export function tasksOf(view: InventoryView, run: JobSession): TaskSession[] {
  return view.all("taskSessions").filter((task) => task.jobSessionId === run.id);
}

/**
 * As long as the job's recent normal runs took on average, so a started job looks like its
 * history. Failed runs (a user's stop among them) end early and retries process only some
 * VMs, so neither says how long a whole run takes; a job without a normal run gets the
 * length of a first run.
 */
export function usualRunLength(runs: readonly JobSession[], now: number): number {
  const normal = runs.filter(isWholeRun(now)).slice(0, RECENT_RUNS);
  if (normal.length === 0) return FIRST_RUN_MS;
  const total = normal.reduce((sum, run) => sum + (run.endTime - run.creationTime), 0);
  return Math.max(1000, Math.round(total / normal.length));
}

function isWholeRun(now: number): (run: JobSession) => boolean {
  return (run) => run.endTime <= now && run.result !== "Failed" && !run.isRetry;
}

/**
 * A new run of `job` from `now`, ending `lengthMs` later with Success, and one task per VM.
 * The tasks are laid out as the generated history lays them out, a few VMs at a time with the
 * bigger VMs taking longer, then fitted to the run so the last VM finishes as it ends.
 */
export function newRun(
  view: InventoryView,
  job: Job,
  opts: { now: number; lengthMs: number; isRetry: boolean; vmIds: readonly string[] },
): { run: JobSession; tasks: TaskSession[] } {
  const { now, lengthMs } = opts;
  const run: JobSession = {
    id: randomUUID(),
    jobId: job.id,
    kind: job.jobType === "Replica" ? "Replica" : "Backup",
    creationTime: now,
    endTime: now + lengthMs,
    result: "Success",
    failureMessage: "",
    isRetry: opts.isRetry,
  };

  const vms = opts.vmIds.flatMap((vmId) => view.get("vms", vmId) ?? []);
  const times = taskTimes(vms, now, lengthMs);
  const tasks = vms.map((vm, index): TaskSession => ({
    id: randomUUID(),
    jobSessionId: run.id,
    vmId: vm.id,
    ...times[index]!,
    result: "Success",
    reason: "",
    totalSize: vm.sizeBytes,
  }));
  return { run, tasks };
}

// Fixed figures rather than the generator's random ones, so a started run has the same shape
// every time: lanes start ten seconds apart, a VM takes a minute plus a second per 200 MB of
// it, and a lane pauses five seconds between VMs. The whole is then fitted to the run.
function taskTimes(vms: readonly VirtualMachine[], now: number, lengthMs: number): Placement[] {
  const placements = placeTasks(vms.length, {
    laneStarts: Array.from({ length: laneCount(vms.length) }, (_, lane) => {
      return now + (15 + 10 * lane) * SECOND;
    }),
    durationOf: (index) => MINUTE + (vms[index]!.sizeBytes / BYTES_PER_SECOND) * SECOND,
    pauseAfter: () => 5 * SECOND,
  });
  const lastEnd = placements.reduce((end, placement) => Math.max(end, placement.endTime), now);
  stretchPlacements(placements, now, { from: lastEnd, to: now + lengthMs });
  return placements;
}

/**
 * `run` stopped at `now`: an immediate stop ends the session with Failed, and the VMs not yet
 * done get no restore point (helpcenter.veeam.com/docs/backup/hyperv/job_sessions_termination.html).
 * VMs already done keep their result. A VM still queued never started: it keeps the time its
 * run queued it, as it showed while pending, so it does not end before it began.
 */
export function stoppedRun(
  run: JobSession,
  tasks: readonly TaskSession[],
  opts: { now: number; userName: string },
): { run: JobSession; tasks: TaskSession[] } {
  const { now } = opts;
  const message = `Stopped by ${opts.userName}.`;
  const stopped = { ...run, endTime: now, result: "Failed" as const, failureMessage: message };
  const cut = tasks
    .filter((task) => task.endTime > now)
    .map((task) => ({
      ...task,
      creationTime: task.creationTime > now ? run.creationTime : task.creationTime,
      endTime: now,
      result: "Failed" as const,
      reason: message,
    }));
  return { run: stopped, tasks: cut };
}

/** The VMs a retry processes again: those that failed in `run`, or all of the job's. */
export function vmsToRetry(job: Job, tasks: readonly TaskSession[]): string[] {
  const failed = tasks.filter((task) => task.result === "Failed").map((task) => task.vmId);
  return failed.length > 0 ? [...new Set(failed)] : job.vmIds;
}
