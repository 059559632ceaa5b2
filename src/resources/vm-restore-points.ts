/**
 * `/vmRestorePoints`: one VM's part of a backup restore point. Shapes from the vendor's
 * vmrestorepoints_id page (13.1); VmName is in the XSD and the page's parameter table though
 * its example leaves it out. Nothing is ever mounted here, so `mounts` is an empty list.
 */
import type { VmRestorePoint } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { byId } from "./by-id.js";
import { emptyInfoList } from "./empty-lists.js";
import { BACKUP_FILE, RESTORE_POINT, VM_RESTORE_POINT } from "./kind-names.js";
import { algorithmOf, pointName } from "./point-fields.js";
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
import { fileName, jobOfRestorePoint, restorePointOf, serverLink, vmObjRef, vmOf } from "./site.js";
import { restorePointName, utcTime } from "./time-format.js";

function upLinks(point: VmRestorePoint, ctx: ResourceContext): Link[] {
  const parent = restorePointOf(ctx.view, point.restorePointId);
  const links = [
    serverLink(ctx, jobOfRestorePoint(ctx.view, parent).backupServerId),
    refLink(ctx, "Up", RESTORE_POINT, parent.id, restorePointName(parent.time)),
  ];
  const file = childrenOf(ctx.view, "backupFiles", "restorePointId", parent.id)[0];
  if (file !== undefined) {
    links.push(refLink(ctx, "Up", BACKUP_FILE, file.id, fileName(file.filePath)));
  }
  return links;
}

export const vmRestorePoints: ResourceKind<VmRestorePoint> = {
  ...VM_RESTORE_POINT,
  ...byId("vmRestorePoints"),
  listElement: "VmRestorePoints",
  nameOf: (point, ctx) => pointName(vmOf(ctx.view, point.vmId), point.creationTime),

  refLinks: (point, ctx) => [
    ...upLinks(point, ctx),
    alternateToEntity(vmRestorePoints, point, ctx),
  ],

  entityLinks(point, ctx) {
    const self = pathOf(vmRestorePoints, point);
    return [
      pathLink(ctx, "Restore", `${self}?action=restore`, null),
      ...upLinks(point, ctx),
      alternateToRef(vmRestorePoints, point, ctx),
      pathLink(ctx, "Down", `${self}/mounts`, "VmRestorePointMountList"),
      pathLink(ctx, "Create", `${self}/mounts`, "VmRestorePointMount"),
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
          ["HierarchyObjRef", vmObjRef(ctx.view, vm)],
          ["SqlInfo", null],
        ],
        attributes: [["VmDisplayName", vm.name]],
      },
    ];
  },

  children: {
    mounts: { nodes: () => emptyInfoList("VmRestorePointMounts", "VmRestorePointMount") },
  },
};
