/**
 * `/vAppRestorePoints`: a vCloud vApp's part of a backup restore point. Shapes from the
 * vendor's get_vapprestorepoints_id page (13.1).
 */
import type { VAppRestorePoint } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { byId } from "./by-id.js";
import { RESTORE_POINT, VAPP_RESTORE_POINT } from "./kind-names.js";
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
import { jobOfRestorePoint, restorePointOf, serverLink, vmObjRef, vmOf } from "./site.js";
import { restorePointName, utcTime } from "./time-format.js";

function upLinks(point: VAppRestorePoint, ctx: ResourceContext): Link[] {
  const parent = restorePointOf(ctx.view, point.restorePointId);
  return [
    serverLink(ctx, jobOfRestorePoint(ctx.view, parent).backupServerId),
    refLink(ctx, "Up", RESTORE_POINT, parent.id, restorePointName(parent.time)),
  ];
}

export const vAppRestorePoints: ResourceKind<VAppRestorePoint> = {
  ...VAPP_RESTORE_POINT,
  ...byId("vAppRestorePoints"),
  listElement: "VAppRestorePoints",
  nameOf: (point, ctx) => pointName(vmOf(ctx.view, point.vmId), point.creationTime),

  refLinks: (point, ctx) => [
    ...upLinks(point, ctx),
    alternateToEntity(vAppRestorePoints, point, ctx),
  ],

  entityLinks: (point, ctx) => [
    pathLink(ctx, "Restore", `${pathOf(vAppRestorePoints, point)}?action=restore`, null),
    ...upLinks(point, ctx),
    alternateToRef(vAppRestorePoints, point, ctx),
  ],

  levels(point, ctx) {
    const vApp = vmOf(ctx.view, point.vmId);
    return [
      {
        elements: [
          ["CreationTimeUTC", utcTime(point.creationTime)],
          ["VAppName", vApp.name],
          ["Algorithm", algorithmOf(point.algorithm)],
          ["PointType", point.pointType],
          ["HierarchyObjRef", vmObjRef(ctx.view, vApp)],
        ],
        attributes: [["VAppDisplayName", vApp.name]],
      },
    ];
  },
};
