/**
 * `/repositories`: backup repositories. Entity and links from the captured EM 12 reply
 * (veeam_repositories_overview_metrics_v12.json), which adds `Kind` to the XSD's Capacity and
 * FreeSpace; the reference carries the same links with `Alternate` to the entity (vendor's
 * repositories_id page). `repositories/{ID}/replicas` lists the replicas whose metadata the
 * repository keeps: those of replication jobs with this `repositoryId`.
 */
import type { Repository } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { backups } from "./backups.js";
import { byId } from "./by-id.js";
import { REPOSITORY } from "./kind-names.js";
import { childrenOf, groupedBy } from "./relations.js";
import { replicas } from "./replicas.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { jobOf, serverLink } from "./site.js";

function downLinks(repository: Repository, ctx: ResourceContext): Link[] {
  const self = pathOf(repositories, repository);
  return [
    pathLink(ctx, "Down", `${self}/backups`, "BackupReferenceList"),
    pathLink(ctx, "Down", `${self}/replicas`, "ReplicaReferenceList"),
  ];
}

export const repositories: ResourceKind<Repository> = {
  ...REPOSITORY,
  ...byId("repositories"),
  listElement: "Repositories",
  nameOf: (repository) => repository.name,

  refLinks: (repository, ctx) => [
    serverLink(ctx, repository.backupServerId),
    alternateToEntity(repositories, repository, ctx),
    ...downLinks(repository, ctx),
  ],

  entityLinks: (repository, ctx) => [
    serverLink(ctx, repository.backupServerId),
    alternateToRef(repositories, repository, ctx),
    ...downLinks(repository, ctx),
  ],

  levels: (repository) => [
    {
      elements: [
        ["Capacity", repository.capacity],
        ["FreeSpace", repository.freeSpace],
        ["Kind", repository.kind],
      ],
    },
  ],

  children: {
    backups: {
      kind: () => backups,
      items: (r, ctx) => childrenOf(ctx.view, "backups", "repositoryId", r.id),
    },
    replicas: {
      kind: () => replicas,
      items: (r, ctx) =>
        groupedBy(
          ctx.view,
          "replicas.repositoryId",
          () => ctx.view.all("replicas"),
          (replica) => jobOf(ctx.view, replica.jobId).repositoryId,
        )(r.id),
    },
  },
};
