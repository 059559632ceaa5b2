/**
 * `/restorePoints`: the points in time of backups and replicas. Shapes from the vendor's
 * get_restorepoints_id page (13.1); its XSD `Ref` element does not appear in any reply, only
 * BackupDateUTC. A replica's point links Up to the replica and Down to its VM replica points.
 */
import type { RestorePoint } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { backupFiles } from "./backup-files.js";
import { byId } from "./by-id.js";
import { BACKUP, REPLICA, RESTORE_POINT } from "./kind-names.js";
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
import { restorePointName, utcTime } from "./time-format.js";
import { jobOfRestorePoint, must, serverLink } from "./site.js";
import { vmReplicaPoints } from "./vm-replica-points.js";
import { vmRestorePoints } from "./vm-restore-points.js";

function ownerLink(point: RestorePoint, ctx: ResourceContext): Link {
  if (point.backupId !== null) {
    const backup = must(ctx.view.get("backups", point.backupId), "backup");
    return refLink(ctx, "Up", BACKUP, backup.id, backup.name);
  }
  const replica = must(ctx.view.get("replicas", point.replicaId ?? ""), "replica");
  return refLink(ctx, "Up", REPLICA, replica.id, replica.name);
}

function upLinks(point: RestorePoint, ctx: ResourceContext): Link[] {
  const serverId = jobOfRestorePoint(ctx.view, point).backupServerId;
  return [ownerLink(point, ctx), serverLink(ctx, serverId)];
}

function downLink(point: RestorePoint, ctx: ResourceContext): Link {
  const self = pathOf(restorePoints, point);
  return point.backupId !== null
    ? pathLink(ctx, "Down", `${self}/vmRestorePoints`, "VmRestorePointReferenceList")
    : pathLink(ctx, "Down", `${self}/vmReplicaPoints`, "VmReplicaPointReferenceList");
}

export const restorePoints: ResourceKind<RestorePoint> = {
  ...RESTORE_POINT,
  ...byId("restorePoints"),
  listElement: "RestorePoints",
  nameOf: (point) => restorePointName(point.time),

  refLinks: (point, ctx) => [
    ...upLinks(point, ctx),
    alternateToEntity(restorePoints, point, ctx),
    downLink(point, ctx),
  ],

  entityLinks(point, ctx) {
    const links = [...upLinks(point, ctx), alternateToRef(restorePoints, point, ctx)];
    links.push(downLink(point, ctx));
    // The vendor types this Related link BackupFileReferenceList (get_restorepoints_id).
    if (point.backupId !== null) {
      const files = `${pathOf(restorePoints, point)}/backupFiles`;
      links.push(pathLink(ctx, "Related", files, "BackupFileReferenceList"));
    }
    return links;
  },

  levels: (point) => [{ elements: [["BackupDateUTC", utcTime(point.time)]] }],

  children: {
    vmRestorePoints: {
      kind: () => vmRestorePoints,
      items: (p, ctx) => childrenOf(ctx.view, "vmRestorePoints", "restorePointId", p.id),
    },
    vmReplicaPoints: {
      kind: () => vmReplicaPoints,
      items: (p, ctx) => childrenOf(ctx.view, "vmReplicaPoints", "restorePointId", p.id),
    },
    backupFiles: {
      kind: () => backupFiles,
      items: (p, ctx) => childrenOf(ctx.view, "backupFiles", "restorePointId", p.id),
    },
  },
};
