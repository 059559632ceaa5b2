/**
 * `/backupSessions` and `/replicaSessions`: runs of jobs. Entity and links from the captured
 * EM 12 reply (backup_jobs_sessions_metrics_v12.json): IsRetry (BackupJobSession's own
 * member) first in JSON, then JobSessionEntityType's; one `Related` link per restore point
 * the run created. Replica sessions follow the vendor's replicasessions_id page, which has
 * no Stop link. State, Result and Progress follow the clock (`sessionState`).
 */
import type { JobSession } from "../inventory/model.js";
import { sessionState } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import type { Level } from "../representation/resource.js";
import { jobSessionsOfKind, taskSessionsOf, type RunKind } from "./job-session-lists.js";
import { BACKUP_JOB_SESSION, JOB, REPLICA_JOB_SESSION, RESTORE_POINT } from "./kind-names.js";
import { childrenOf } from "./relations.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  refLink,
  type KindName,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { jobOf, serverLink } from "./site.js";
import { backupTaskSessions, replicaTaskSessions } from "./task-sessions.js";
import { restorePointName, timedName, utcTime } from "./time-format.js";

/** The parts of a session's entity its base type (JobSessionEntityType) defines. */
export function jobSessionLevel(
  run: { creationTime: number; endTime: number; result: JobSession["result"] },
  ctx: ResourceContext,
  fields: { jobUid: string | null; jobName: string | null; jobType: string; failure: string },
): Level {
  const state = sessionState(run, ctx.now);
  return {
    elements: [
      ["JobUid", fields.jobUid],
      ["JobName", fields.jobName],
      ["JobType", fields.jobType],
      ["CreationTimeUTC", utcTime(run.creationTime)],
      // Optional in the XSD; a run still working has no end time yet.
      ["EndTimeUTC", state.ended ? utcTime(run.endTime) : null],
      ["State", state.state],
      ["Result", state.result],
      ["Progress", state.progress],
      ["FailureMessage", state.ended && fields.failure !== "" ? fields.failure : null],
    ],
  };
}

function sessionKind(
  name: KindName,
  run: RunKind,
  tasks: { path: string; type: string; kind: () => ResourceKind<any> },
  listElement: string,
): ResourceKind<JobSession> {
  const upLinks = (session: JobSession, ctx: ResourceContext): Link[] => {
    const job = jobOf(ctx.view, session.jobId);
    return [serverLink(ctx, job.backupServerId), refLink(ctx, "Up", JOB, job.id, job.name)];
  };
  const down = (session: JobSession, ctx: ResourceContext) =>
    pathLink(ctx, "Down", `${pathOf(kind, session)}/${tasks.path}`, tasks.type);

  const kind: ResourceKind<JobSession> = {
    ...name,
    listElement,
    guidIds: true,
    all: (ctx) => jobSessionsOfKind(ctx.view, run),
    find(ctx, id) {
      const session = ctx.view.get("jobSessions", id);
      return session?.kind === run ? session : undefined;
    },
    idOf: (session) => session.id,
    nameOf: (session, ctx) => timedName(jobOf(ctx.view, session.jobId).name, session.creationTime),

    refLinks: (session, ctx) => [
      ...upLinks(session, ctx),
      alternateToEntity(kind, session, ctx),
      down(session, ctx),
    ],

    entityLinks(session, ctx) {
      const links = [
        ...upLinks(session, ctx),
        alternateToRef(kind, session, ctx),
        down(session, ctx),
      ];
      if (run === "Replica") return links;
      links.push(pathLink(ctx, "Stop", `${pathOf(kind, session)}?action=stop`, null));
      for (const point of childrenOf(ctx.view, "restorePoints", "jobSessionId", session.id)) {
        links.push(refLink(ctx, "Related", RESTORE_POINT, point.id, restorePointName(point.time)));
      }
      return links;
    },

    levels(session, ctx) {
      const job = jobOf(ctx.view, session.jobId);
      const fields = {
        jobUid: `urn:veeam:Job:${job.id}`,
        jobName: job.name,
        jobType: job.jobType,
        failure: session.failureMessage,
      };
      return [jobSessionLevel(session, ctx, fields), { elements: [["IsRetry", session.isRetry]] }];
    },

    children: {
      [tasks.path]: { kind: tasks.kind, items: (s, ctx) => taskSessionsOf(ctx.view, s.id) },
    },
  };
  return kind;
}

export const backupSessions = sessionKind(
  BACKUP_JOB_SESSION,
  "Backup",
  { path: "taskSessions", type: "BackupTaskSessionReferenceList", kind: () => backupTaskSessions },
  "BackupJobSessions",
);

export const replicaSessions = sessionKind(
  REPLICA_JOB_SESSION,
  "Replica",
  {
    path: "replicaTaskSessions",
    type: "ReplicaTaskSessionReferenceList",
    kind: () => replicaTaskSessions,
  },
  "ReplicaJobSessions",
);
