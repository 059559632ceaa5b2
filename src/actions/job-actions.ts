import type { Job, JobSession, Task, TaskSession } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import { newRun, runsOf, stoppedRun, tasksOf, usualRunLength, vmsToRetry } from "./job-runs.js";
import { newTaskId } from "./task-id.js";

/** The actions `POST /api/jobs/{ID}?action=…` serves (spec §9). */
export const JOB_ACTIONS = ["start", "stop", "retry"] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

/**
 * How long a task shows Running before its result. EM answers 202 with a Running task and
 * finishes it once the backup server has acted (post_jobs_id_actionstart example); clients
 * poll `GET /api/tasks/{ID}` until then.
 */
export const TASK_SETTLE_MS = 1000;

export interface ActionContext {
  view: InventoryView;
  now: number;
  /** `taskOwnerOf` the caller's logon session. */
  owner: string;
  /** Who asked, as the session shows it, e.g. `SRV12\Administrator`. */
  userName: string;
  /** How long a started run lasts; null for as long as the job's recent runs took. */
  runLengthMs: number | null;
  /** How long a task shows Running before it reports its result. */
  settleMs: number;
}

/** What an action writes: its task, and the job and task sessions it starts or changes. */
export interface ActionPlan {
  task: Task;
  jobSessions: JobSession[];
  taskSessions: TaskSession[];
}

/** The outcome of one action before it becomes a task. */
interface Outcome {
  success: boolean;
  message: string;
  run?: JobSession;
  tasks?: TaskSession[];
}

const OPERATIONS: Record<JobAction, string> = {
  start: "StartJob",
  stop: "StopJob",
  retry: "RetryJob",
};

/**
 * Plans a job action. EM answers every one with a task and learns from the backup server
 * whether it worked, so an action that cannot be done (starting a running job, retrying one
 * whose last run did not fail) is not an HTTP error: its task finishes with `Success="false"`
 * and says why, as `TaskResultInfoType` provides (XSD).
 */
export function planJobAction(job: Job, action: JobAction, context: ActionContext): ActionPlan {
  const runs = runsOf(context.view, job.id);
  const running = runs.find((run) => run.endTime > context.now);
  const outcome =
    action === "start"
      ? start(job, running, runs, context)
      : action === "stop"
        ? stop(job, running, context)
        : retry(job, running, runs, context);
  return toPlan(OPERATIONS[action], outcome, context);
}

/** `POST /api/backupSessions/{ID}?action=stop`: stops one run. */
export function planSessionStop(run: JobSession, job: Job, context: ActionContext): ActionPlan {
  const outcome: Outcome =
    run.endTime > context.now
      ? stopping(run, `Session of job "${job.name}" stopped.`, context)
      : { success: false, message: `Session of job "${job.name}" has already ended.`, run };
  return toPlan("StopJobSession", outcome, context);
}

function start(job: Job, running: JobSession | undefined, runs: JobSession[], c: ActionContext) {
  if (running) return refused(`Job "${job.name}" is already running.`, running);
  return starting(job, runs, job.vmIds, false, `Job "${job.name}" started.`, c);
}

function stop(job: Job, running: JobSession | undefined, context: ActionContext): Outcome {
  if (!running) return refused(`Job "${job.name}" is not running.`);
  return stopping(running, `Job "${job.name}" stopped.`, context);
}

// The vendor retries only a job whose last run failed (post_jobs_id_actionretry).
function retry(job: Job, running: JobSession | undefined, runs: JobSession[], c: ActionContext) {
  if (running)
    return refused(`Job "${job.name}" is running; retry it once the run fails.`, running);
  const last = runs[0];
  if (last === undefined) return refused(`Job "${job.name}" has not run yet: nothing to retry.`);
  if (last.result !== "Failed") {
    return refused(
      `Job "${job.name}" can be retried only after a failed run; its last run ended with ${last.result}.`,
    );
  }
  const vmIds = vmsToRetry(job, tasksOf(c.view, last));
  return starting(job, runs, vmIds, true, `Job "${job.name}" retried.`, c);
}

function refused(message: string, run?: JobSession): Outcome {
  return { success: false, message, run };
}

function starting(
  job: Job,
  runs: JobSession[],
  vmIds: readonly string[],
  isRetry: boolean,
  message: string,
  c: ActionContext,
): Outcome {
  const lengthMs = c.runLengthMs ?? usualRunLength(runs, c.now);
  const { run, tasks } = newRun(c.view, job, { now: c.now, lengthMs, isRetry, vmIds });
  return { success: true, message, run, tasks };
}

function stopping(run: JobSession, message: string, c: ActionContext): Outcome {
  const stopped = stoppedRun(run, tasksOf(c.view, run), { now: c.now, userName: c.userName });
  return { success: true, message, run: stopped.run, tasks: stopped.tasks };
}

function toPlan(operation: string, outcome: Outcome, c: ActionContext): ActionPlan {
  const task: Task = {
    id: newTaskId(c.now, (id) => c.view.get("tasks", id) !== undefined),
    owner: c.owner,
    operation,
    creationTime: c.now,
    finishTime: c.now + c.settleMs,
    success: outcome.success,
    message: outcome.message,
    jobSessionId: outcome.run?.id ?? null,
    deleted: false,
  };
  const changed = outcome.success && outcome.run ? [outcome.run] : [];
  return { task, jobSessions: changed, taskSessions: outcome.success ? (outcome.tasks ?? []) : [] };
}
