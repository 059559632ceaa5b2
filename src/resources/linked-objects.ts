/**
 * What a copy job copies from, as EM's nested resources: `jobs/{ID}/linkedJobs`
 * (`LinkedJobObject`) and `jobs/{ID}/linkedBackupRepositories` (`LinkedBackupRepository`),
 * shapes from the vendor's jobs_id_linked_jobs and jobs_id_linked_repositories pages (13.1).
 * EM gives each link an id of its own; the inventory keeps none, so, as with a job's
 * includes, each is addressed by the id of the job or repository it names.
 */
import type { Job } from "../inventory/model.js";
import { uidOf } from "../inventory/model.js";
import type { NodeModel } from "../representation/resource.js";
import { JOB } from "./kind-names.js";
import { entityLink, pathLink, type NodeChild, type ResourceContext } from "./resource-kind.js";

interface LinkedKind {
  /** The path segment under the job, e.g. `linkedJobs`. */
  segment: string;
  rootElement: string;
  itemElement: string;
  /** `Type` of each item. */
  type: string;
  /** The vendor documents no JSON here; the array is named after the items, as elsewhere. */
  jsonName: string;
  uidElement: string;
  uidType: string;
  ids(job: Job): readonly string[];
}

export const LINKED_JOBS: LinkedKind = {
  segment: "linkedJobs",
  rootElement: "LinkedJobResourceObjects",
  itemElement: "LinkedJobObject",
  type: "LinkedJobObject",
  jsonName: "LinkedJobObjects",
  uidElement: "LinkedJobUid",
  uidType: "Job",
  ids: (job) => job.linkedJobIds,
};

export const LINKED_REPOSITORIES: LinkedKind = {
  segment: "linkedBackupRepositories",
  rootElement: "LinkedBackupRepositoryResourceObjects",
  itemElement: "LinkedBackupRepository",
  type: "LinkedBackupRepositoryObject",
  jsonName: "LinkedBackupRepositories",
  uidElement: "LinkedBackupRepositoryUid",
  uidType: "Repository",
  ids: (job) => job.linkedBackupRepositoryIds,
};

function linkedNode(kind: LinkedKind, job: Job, id: string, ctx: ResourceContext): NodeModel {
  const path = `jobs/${job.id}/${kind.segment}/${id}`;
  return {
    resource: {
      href: ctx.apiBase + path,
      type: kind.type,
      // Up leads to the copy job itself; the source is named by its UID below.
      links: [entityLink(ctx, "Up", JOB, job.id, job.name), pathLink(ctx, "Delete", path, null)],
    },
    elements: [
      ["ObjectInJobId", id],
      [kind.uidElement, uidOf(kind.uidType, id)],
    ],
  };
}

/** The sub-collection and its items; empty for a job that copies nothing. */
export function linkedChild(kind: LinkedKind): NodeChild<Job> {
  return {
    nodes: (job, ctx) => ({
      rootElement: kind.rootElement,
      itemElement: kind.itemElement,
      jsonName: kind.jsonName,
      items: kind.ids(job).map((id) => linkedNode(kind, job, id, ctx)),
    }),
    item(job, id, ctx) {
      const found = kind.ids(job).find((linked) => linked === id.toLowerCase());
      if (found === undefined) return undefined;
      return { element: kind.itemElement, node: linkedNode(kind, job, found, ctx) };
    },
  };
}
