/**
 * `/replicas`: the replicas of replication jobs. Shapes from the vendor's replicas_id page
 * (13.1), which puts the `Up RepositoryReference` link first in the entity and second in the
 * reference. That repository keeps the replica's metadata: the replication job's
 * `repositoryId`; a job without one gives its replicas no such link.
 */
import type { Replica } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { byId } from "./by-id.js";
import { REPLICA, REPOSITORY } from "./kind-names.js";
import { childrenOf } from "./relations.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  refLink,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { jobOf, must, serverLink } from "./site.js";
import { vmReplicaPoints } from "./vm-replica-points.js";

function repositoryLinks(replica: Replica, ctx: ResourceContext): Link[] {
  const { repositoryId } = jobOf(ctx.view, replica.jobId);
  if (repositoryId === null) return [];
  const repository = must(ctx.view.get("repositories", repositoryId), "repository");
  return [refLink(ctx, "Up", REPOSITORY, repository.id, repository.name)];
}

function links(replica: Replica, ctx: ResourceContext) {
  return {
    server: serverLink(ctx, jobOf(ctx.view, replica.jobId).backupServerId),
    repository: repositoryLinks(replica, ctx),
    down: pathLink(
      ctx,
      "Down",
      `${pathOf(replicas, replica)}/vmReplicaPoints`,
      "VmReplicaPointReferenceList",
    ),
  };
}

export const replicas: ResourceKind<Replica> = {
  ...REPLICA,
  ...byId("replicas"),
  listElement: "Replicas",
  nameOf: (replica) => replica.name,

  refLinks(replica, ctx) {
    const { server, repository, down } = links(replica, ctx);
    return [server, ...repository, alternateToEntity(replicas, replica, ctx), down];
  },

  entityLinks(replica, ctx) {
    const { server, repository, down } = links(replica, ctx);
    return [...repository, server, alternateToRef(replicas, replica, ctx), down];
  },

  levels: (replica) => [{ elements: [["Platform", replica.platform]] }],

  children: {
    vmReplicaPoints: {
      kind: () => vmReplicaPoints,
      items: (replica, ctx) =>
        childrenOf(ctx.view, "restorePoints", "replicaId", replica.id).flatMap((point) =>
          childrenOf(ctx.view, "vmReplicaPoints", "restorePointId", point.id),
        ),
    },
  },
};
