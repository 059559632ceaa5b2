/**
 * `/vmReplicaPoints`: one VM's point in a replica. Shapes from the vendor's
 * get_vmreplicapoints_id page (13.1). Nothing is ever mounted here: `mounts` is empty.
 */
import type { VmReplicaPoint } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { byId } from "./by-id.js";
import { emptyInfoList } from "./empty-lists.js";
import { REPLICA, VM_REPLICA_POINT } from "./kind-names.js";
import { algorithmOf, pointName } from "./point-fields.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  refLink,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { jobOfRestorePoint, must, restorePointOf, serverLink, vmOf } from "./site.js";
import { utcTime } from "./time-format.js";

function upLinks(point: VmReplicaPoint, ctx: ResourceContext): Link[] {
  const parent = restorePointOf(ctx.view, point.restorePointId);
  const replica = must(ctx.view.get("replicas", parent.replicaId ?? ""), "replica");
  return [
    serverLink(ctx, jobOfRestorePoint(ctx.view, parent).backupServerId),
    refLink(ctx, "Up", REPLICA, replica.id, replica.name),
  ];
}

export const vmReplicaPoints: ResourceKind<VmReplicaPoint> = {
  ...VM_REPLICA_POINT,
  ...byId("vmReplicaPoints"),
  listElement: "VmReplicaPoints",
  nameOf: (point, ctx) => pointName(vmOf(ctx.view, point.vmId), point.creationTime),

  refLinks: (point, ctx) => [
    ...upLinks(point, ctx),
    alternateToEntity(vmReplicaPoints, point, ctx),
  ],

  entityLinks(point, ctx) {
    const self = pathOf(vmReplicaPoints, point);
    return [
      pathLink(ctx, "Failover", `${self}?action=failover`, null),
      ...upLinks(point, ctx),
      alternateToRef(vmReplicaPoints, point, ctx),
      pathLink(ctx, "Down", `${self}/mounts`, "VmReplicaPointMountList"),
      pathLink(ctx, "Create", `${self}/mounts`, "VmReplicaPointMount"),
    ];
  },

  levels(point, ctx) {
    const vm = vmOf(ctx.view, point.vmId);
    return [
      {
        elements: [
          ["CreationTimeUTC", utcTime(point.creationTime)],
          ["VmName", vm.name],
          ["Algorithm", algorithmOf(point.algorithm)],
          ["PointType", point.pointType],
        ],
        attributes: [["VmDisplayName", vm.name]],
      },
    ];
  },

  children: {
    mounts: { nodes: () => emptyInfoList("VmReplicaPointMounts", "VmReplicaPointMount") },
  },
};
