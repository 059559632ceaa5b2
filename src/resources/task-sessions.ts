/**
 * `/backupTaskSessions` and `/replicaTaskSessions`: one VM processed by one job run. Entity
 * and links from the captured EM 12 reply (backup_jobs_tasks_sessions_metrics_v12.json): the
 * XSD's members, then the newer VmUid, then the VmDisplayName attribute. The `Related` link
 * to the VM's point (vendor's get_backuptasksessions_id page) appears when the run made one.
 * A task reads `Pending` while its VM waits its turn, created as its run was; `InProgress`
 * from its start and `Completed` after (the vendor's task states, `taskSessionState`).
 */
import { taskSessionState, uidOf, type TaskSession } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { taskSessionsOfKind, type RunKind } from "./job-session-lists.js";
import {
  BACKUP_JOB_SESSION,
  BACKUP_TASK_SESSION,
  REPLICA_JOB_SESSION,
  REPLICA_TASK_SESSION,
  VM_REPLICA_POINT,
  VM_RESTORE_POINT,
} from "./kind-names.js";
import { pointName } from "./point-fields.js";
import { childrenOf } from "./relations.js";
import {
  alternateToEntity,
  alternateToRef,
  entityLink,
  refLink,
  type KindName,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { jobOf, must, serverLink, vmObjRef, vmOf } from "./site.js";
import { timedName, utcTime } from "./time-format.js";

function jobSessionOf(ctx: ResourceContext, task: TaskSession) {
  return must(ctx.view.get("jobSessions", task.jobSessionId), `job session ${task.jobSessionId}`);
}

function stateOf(ctx: ResourceContext, task: TaskSession) {
  return taskSessionState(task, jobSessionOf(ctx, task).creationTime, ctx.now);
}

/** The VM point this task's run made for its VM, if any. */
function pointLink(ctx: ResourceContext, task: TaskSession, run: RunKind): Link | undefined {
  const kind = run === "Backup" ? "vmRestorePoints" : "vmReplicaPoints";
  for (const parent of childrenOf(ctx.view, "restorePoints", "jobSessionId", task.jobSessionId)) {
    const point = childrenOf(ctx.view, kind, "restorePointId", parent.id).find(
      (candidate) => candidate.vmId === task.vmId,
    );
    if (point === undefined) continue;
    const name = pointName(vmOf(ctx.view, point.vmId), point.creationTime);
    const target = run === "Backup" ? VM_RESTORE_POINT : VM_REPLICA_POINT;
    return entityLink(ctx, "Related", target, point.id, name);
  }
  return undefined;
}

function taskKind(name: KindName, run: RunKind, parent: KindName, listElement: string) {
  const upLinks = (task: TaskSession, ctx: ResourceContext): Link[] => {
    const session = jobSessionOf(ctx, task);
    const job = jobOf(ctx.view, session.jobId);
    const sessionName = timedName(job.name, session.creationTime);
    return [
      serverLink(ctx, job.backupServerId),
      refLink(ctx, "Up", parent, session.id, sessionName),
    ];
  };

  const kind: ResourceKind<TaskSession> = {
    ...name,
    listElement,
    guidIds: true,
    all: (ctx) => taskSessionsOfKind(ctx.view, run),
    find(ctx, id) {
      const task = ctx.view.get("taskSessions", id);
      return task !== undefined && jobSessionOf(ctx, task).kind === run ? task : undefined;
    },
    idOf: (task) => task.id,
    nameOf: (task, ctx) =>
      timedName(vmOf(ctx.view, task.vmId).name, stateOf(ctx, task).creationTime),

    refLinks: (task, ctx) => [...upLinks(task, ctx), alternateToEntity(kind, task, ctx)],

    entityLinks(task, ctx) {
      const links = [...upLinks(task, ctx), alternateToRef(kind, task, ctx)];
      const point = pointLink(ctx, task, run);
      return point === undefined ? links : [...links, point];
    },

    levels(task, ctx) {
      const state = stateOf(ctx, task);
      const vm = vmOf(ctx.view, task.vmId);
      const vmUid = run === "Backup" ? ([["VmUid", vmObjRef(ctx.view, vm)]] as const) : [];
      return [
        {
          elements: [
            ["JobSessionUid", uidOf(parent.entityType, task.jobSessionId)],
            ["CreationTimeUTC", utcTime(state.creationTime)],
            ["EndTimeUTC", state.ended ? utcTime(task.endTime) : null],
            ["State", state.state],
            ["Result", state.result],
            ["Reason", state.ended ? task.reason : ""],
            ["TotalSize", task.totalSize],
            ...vmUid,
          ],
          attributes: [["VmDisplayName", vm.name]],
        },
      ];
    },
  };
  return kind;
}

export const backupTaskSessions = taskKind(
  BACKUP_TASK_SESSION,
  "Backup",
  BACKUP_JOB_SESSION,
  "BackupTaskSessions",
);

export const replicaTaskSessions = taskKind(
  REPLICA_TASK_SESSION,
  "Replica",
  REPLICA_JOB_SESSION,
  "ReplicaTaskSessions",
);
