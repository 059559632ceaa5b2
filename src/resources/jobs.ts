/**
 * `/jobs`: backup, replication and backup copy jobs. Shapes from the vendor's Job examples
 * (resource_representation_for_ke for a backup job, get_jobs_id for copy jobs). A copy job's
 * entity ends with Down and Create links to what it copies from (`linked-objects.ts`); EM
 * writes no link to its target repository.
 */
import type { Job } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { itemList, nested, type FieldValue } from "../representation/resource.js";
import { byId } from "./by-id.js";
import { includedNodes, includesChild } from "./includes.js";
import { jobSessionsOf } from "./job-session-lists.js";
import { scheduleOptions } from "./job-schedule.js";
import { backupSessions, replicaSessions } from "./job-sessions.js";
import { JOB } from "./kind-names.js";
import { LINKED_JOBS, LINKED_REPOSITORIES, linkedChild } from "./linked-objects.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { serverLink } from "./site.js";
import { utcTime } from "./time-format.js";

const isCopy = (job: Job) => job.jobType !== "Backup" && job.jobType !== "Replica";

function sessionsLink(job: Job, ctx: ResourceContext): Link {
  const self = pathOf(jobs, job);
  return job.jobType === "Replica"
    ? pathLink(ctx, "Down", `${self}/replicaSessions`, "ReplicaJobSessionReferenceList")
    : pathLink(ctx, "Down", `${self}/backupSessions`, "BackupJobSessionReferenceList");
}

function actionLinks(job: Job, ctx: ResourceContext, ...actions: [string, string][]): Link[] {
  const self = pathOf(jobs, job);
  return actions.map(([rel, action]) => pathLink(ctx, rel, `${self}?action=${action}`, null));
}

function copyJobLinks(job: Job, ctx: ResourceContext): Link[] {
  return [
    ...actionLinks(
      job,
      ctx,
      ["Clone", "clone"],
      ["ToggleScheduleEnabled", "toggleScheduleEnabled"],
    ),
    sessionsLink(job, ctx),
    ...actionLinks(job, ctx, ["Sync", "sync"]),
    ...sourceLinks(job, ctx),
  ];
}

// Down to both lists, then Create for both, as the vendor's copy job examples order them.
function sourceLinks(job: Job, ctx: ResourceContext): Link[] {
  const self = pathOf(jobs, job);
  const kinds = [LINKED_JOBS, LINKED_REPOSITORIES];
  return [
    ...kinds.map((kind) => pathLink(ctx, "Down", `${self}/${kind.segment}`, `${kind.type}List`)),
    ...kinds.map((kind) => pathLink(ctx, "Create", `${self}/${kind.segment}`, kind.type)),
  ];
}

function jobLinks(job: Job, ctx: ResourceContext): Link[] {
  const includes = `${pathOf(jobs, job)}/includes`;
  return [
    { ...alternateToRef(jobs, job, ctx), rel: "Edit" },
    ...actionLinks(
      job,
      ctx,
      ["Clone", "clone"],
      ["ToggleScheduleEnabled", "toggleScheduleEnabled"],
    ),
    pathLink(ctx, "Down", includes, "ObjectInJobList"),
    sessionsLink(job, ctx),
    pathLink(ctx, "Create", includes, "ObjectInJob"),
    ...actionLinks(job, ctx, ["Start", "start"], ["Stop", "stop"], ["Retry", "retry"]),
  ];
}

function jobInfo(job: Job, ctx: ResourceContext): FieldValue {
  const includes = itemList(
    "ObjectInJob",
    "ObjectInJobs",
    includedNodes(ctx, "ObjectInJob", pathOf(jobs, job), job.vmIds),
  );
  const backup = nested({
    elements: [
      ["Includes", includes],
      ["GuestProcessingOptions", null],
      ["AdvancedStorageOptions", null],
      ["GfsRetentionPolicy", null],
      ["SimpleRetentionPolicy", null],
    ],
  });
  const replica = nested({
    elements: [
      ["Includes", includes],
      ["GuestProcessingOptions", null],
    ],
  });
  return nested({
    elements: [
      ["BackupJobInfo", job.jobType === "Backup" ? backup : null],
      ["FileCopyJobInfo", null],
      ["ReplicaJobInfo", job.jobType === "Replica" ? replica : null],
      ["BackupCopyJobInfo", null],
      ["ImmediateBackupCopyJobInfo", null],
    ],
  });
}

export const jobs: ResourceKind<Job> = {
  ...JOB,
  ...byId("jobs"),
  listElement: "Jobs",
  nameOf: (job) => job.name,

  refLinks: (job, ctx) => [
    serverLink(ctx, job.backupServerId),
    alternateToEntity(jobs, job, ctx),
    sessionsLink(job, ctx),
  ],

  entityLinks: (job, ctx) => [
    serverLink(ctx, job.backupServerId),
    alternateToRef(jobs, job, ctx),
    ...(isCopy(job) ? copyJobLinks(job, ctx) : jobLinks(job, ctx)),
  ],

  levels: (job, ctx) => [
    {
      elements: [
        ["JobType", job.jobType],
        ["Platform", job.platform],
        ["Description", job.description],
        ["ScheduleConfigured", job.scheduleConfigured],
        ["ScheduleEnabled", job.scheduleEnabled],
        ["NextRun", job.nextRun === null ? null : utcTime(job.nextRun)],
        ["JobScheduleOptions", scheduleOptions(job)],
        ["JobInfo", jobInfo(job, ctx)],
      ],
    },
  ],

  children: {
    includes: includesChild<Job>("ObjectInJob", "ObjectsInJob", (job) => pathOf(jobs, job)),
    backupSessions: {
      kind: () => backupSessions,
      items: (job, ctx) => (job.jobType === "Replica" ? [] : jobSessionsOf(ctx.view, job.id)),
    },
    replicaSessions: {
      kind: () => replicaSessions,
      items: (job, ctx) => (job.jobType === "Replica" ? jobSessionsOf(ctx.view, job.id) : []),
    },
    linkedJobs: linkedChild(LINKED_JOBS),
    linkedBackupRepositories: linkedChild(LINKED_REPOSITORIES),
  },
};
