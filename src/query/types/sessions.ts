import {
  RESULTS,
  taskStartTime,
  type JobSession,
  type RestoreSession,
  type TaskSession,
} from "../../inventory/model.js";
import type { InventoryView } from "../../inventory/view.js";
import { runName } from "../object-names.js";
import type { Property } from "../property.js";
import type { QueryType } from "../query-type.js";
import {
  jobOf,
  jobOfPoint,
  jobSessionOf,
  restorePointOf,
  serverOfJob,
  vmOf,
  vmRestorePointOf,
} from "../relations.js";
import { backupServer, clocked, flag, number, oneOf, ownUid, text, time, uid } from "./common.js";

// States in the order the vendor lists them (get_query_backupjobsession,
// get_query_backuptasksession, get_query_restoresession).
const JOB_SESSION_STATES = ["Starting", "Stopping", "Working", "Pausing", "Resuming", "Stopped"];
const TASK_SESSION_STATES = ["InProgress", "Pending", "Completed"];
const RESTORE_SESSION_STATES = ["Starting", "Stopping", "Working", "Stopped"];

type Run = { creationTime: number; endTime: number; result: JobSession["result"] };

/**
 * CreationTime, then EndTime, State and Result, which change when the run ends (as
 * `sessionState` has it): no end time, Working and None until then.
 */
function runProperties<T extends Run>(states: readonly string[]): Property<T>[] {
  const state = clocked(
    oneOf<T>("State", states, () => "Stopped"),
    (run) => run.endTime,
    "Working",
  );
  return [time("CreationTime", (run) => run.creationTime), endTime<T>(), state, result<T>()];
}

const endTime = <T extends Run>() =>
  clocked(
    time<T>("EndTime", (run) => run.endTime),
    (run) => run.endTime,
    null,
  );

const result = <T extends Run>() =>
  clocked(
    oneOf<T>("Result", RESULTS, (run) => run.result),
    (run) => run.endTime,
    "None",
  );

/**
 * A task's Name, CreationTime, EndTime, State and Result (`taskSessionState`): Pending, named
 * and created at its run's creation until its VM starts, then as a run, InProgress until it
 * ends and Completed after.
 */
function taskRunProperties(
  vmName: (task: TaskSession, view: InventoryView) => string | null,
): Property<TaskSession>[] {
  const queuedAt = (task: TaskSession, view: InventoryView) =>
    jobSessionOf(view, task.jobSessionId)?.creationTime ?? null;
  const named = (time: number | null, task: TaskSession, view: InventoryView) =>
    time === null ? null : runName(vmName(task, view) ?? "", time);
  const state = clocked(
    oneOf<TaskSession>("State", TASK_SESSION_STATES, () => "Completed"),
    (task) => task.endTime,
    "InProgress",
    { until: taskStartTime, value: "Pending" },
  );
  return [
    clocked(
      text("Name", (task, view) => named(taskStartTime(task), task, view)),
      taskStartTime,
      (task, view) => named(queuedAt(task, view), task, view),
    ),
    clocked(time("CreationTime", taskStartTime), taskStartTime, queuedAt),
    endTime<TaskSession>(),
    state,
    result<TaskSession>(),
  ];
}

function jobSessionType(kind: JobSession["kind"]): QueryType<JobSession> {
  const jobOfRun = (run: JobSession, view: InventoryView) => jobOf(view, run.jobId);
  return {
    name: `${kind}JobSession`,
    entities: `${kind}JobSessions`,
    items: (view) => view.all("jobSessions").filter((run) => run.kind === kind),
    properties: [
      ownUid(`${kind}JobSession`),
      text("Name", (run, view) => runName(jobOfRun(run, view)?.name ?? "", run.creationTime)),
      text("JobType", (run, view) => jobOfRun(run, view)?.jobType ?? null),
      uid("JobUid", "Job", (run) => run.jobId),
      text("JobName", (run, view) => jobOfRun(run, view)?.name ?? null),
      ...runProperties<JobSession>(JOB_SESSION_STATES),
      flag("IsRetry", (run) => run.isRetry),
      ...backupServer<JobSession>((run, view) => serverOfJob(view, run.jobId)),
    ],
  };
}

function taskSessionType(kind: JobSession["kind"]): QueryType<TaskSession> {
  const parent = (task: TaskSession, view: InventoryView) => jobSessionOf(view, task.jobSessionId);
  const job = (task: TaskSession, view: InventoryView) =>
    jobOf(view, parent(task, view)?.jobId ?? null);
  const vmName = (task: TaskSession, view: InventoryView) => vmOf(view, task.vmId)?.name ?? null;
  return {
    name: `${kind}TaskSession`,
    entities: `${kind}TaskSessions`,
    items: (view) => view.all("taskSessions").filter((task) => parent(task, view)?.kind === kind),
    properties: [
      ownUid(`${kind}TaskSession`),
      ...taskRunProperties(vmName),
      text("Reason", (task) => task.reason),
      number("TotalSize", (task) => task.totalSize),
      uid("JobSessionUid", `${kind}JobSession`, (task) => task.jobSessionId),
      uid("JobUid", "Job", (task, view) => parent(task, view)?.jobId),
      text("JobName", (task, view) => job(task, view)?.name ?? null),
      ...backupServer<TaskSession>((task, view) => serverOfJob(view, job(task, view)?.id ?? null)),
      text("VmDisplayName", vmName),
    ],
  };
}

export const BACKUP_JOB_SESSION = jobSessionType("Backup");
export const REPLICA_JOB_SESSION = jobSessionType("Replica");
export const BACKUP_TASK_SESSION = taskSessionType("Backup");
export const REPLICA_TASK_SESSION = taskSessionType("Replica");

const restoredVm = (run: RestoreSession, view: InventoryView) => {
  const point = vmRestorePointOf(view, run.vmRestorePointId);
  return point === undefined ? undefined : vmOf(view, point.vmId);
};

// get_query_restoresession. Type stays a string: our restore kinds are not the vendor's two.
export const RESTORE_SESSION: QueryType<RestoreSession> = {
  name: "RestoreSession",
  entities: "RestoreSessions",
  items: (view) => view.all("restoreSessions"),
  properties: [
    ownUid("RestoreSession"),
    text("Name", (run, view) => runName(restoredVm(run, view)?.name ?? "", run.creationTime)),
    text("Type", (run) => run.jobType),
    ...runProperties<RestoreSession>(RESTORE_SESSION_STATES),
    ...backupServer<RestoreSession>((run, view) => {
      const point = vmRestorePointOf(view, run.vmRestorePointId);
      const job = jobOfPoint(view, point && restorePointOf(view, point.restorePointId));
      return serverOfJob(view, job?.id ?? null);
    }),
    text("VmDisplayName", (run, view) => restoredVm(run, view)?.name ?? null),
  ],
};
