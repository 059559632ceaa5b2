/**
 * `/replicas`: the replicas of replication jobs. Shapes from the vendor's replicas_id page
 * (13.1), without its `Up RepositoryReference` link: the inventory does not say which
 * repository holds a replica's metadata.
 */
import type { Replica } from "../inventory/model.js";
import { byId } from "./by-id.js";
import { REPLICA } from "./kind-names.js";
import { childrenOf } from "./relations.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { jobOf, serverLink } from "./site.js";
import { vmReplicaPoints } from "./vm-replica-points.js";

function links(replica: Replica, ctx: ResourceContext) {
  return {
    up: serverLink(ctx, jobOf(ctx.view, replica.jobId).backupServerId),
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
    const { up, down } = links(replica, ctx);
    return [up, alternateToEntity(replicas, replica, ctx), down];
  },

  entityLinks(replica, ctx) {
    const { up, down } = links(replica, ctx);
    return [up, alternateToRef(replicas, replica, ctx), down];
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
