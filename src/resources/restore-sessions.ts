/**
 * `/restoreSessions`: VM and file restores. Shapes from the vendor's restoresessions_id page
 * (13.1): JobSessionEntityType's members (JobUid, JobName and FailureMessage null for a
 * restore, as its example leaves them out), then RestoredObjRef and the VmDisplayName
 * attribute. A file-level restore is named `FLR_[vm]@time` as in that example.
 */
import type { RestoreSession } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { byId } from "./by-id.js";
import { jobSessionLevel } from "./job-sessions.js";
import { RESTORE_SESSION, VM_RESTORE_POINT } from "./kind-names.js";
import { pointName } from "./point-fields.js";
import {
  alternateToEntity,
  alternateToRef,
  refLink,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { jobOfRestorePoint, must, restorePointOf, serverLink, vmObjRef, vmOf } from "./site.js";
import { timedName } from "./time-format.js";

function restoredPoint(ctx: ResourceContext, session: RestoreSession) {
  const id = session.vmRestorePointId;
  return must(ctx.view.get("vmRestorePoints", id), `VM restore point ${id}`);
}

function upLink(session: RestoreSession, ctx: ResourceContext): Link {
  const point = restorePointOf(ctx.view, restoredPoint(ctx, session).restorePointId);
  return serverLink(ctx, jobOfRestorePoint(ctx.view, point).backupServerId);
}

export const restoreSessions: ResourceKind<RestoreSession> = {
  ...RESTORE_SESSION,
  ...byId("restoreSessions"),
  listElement: "RestoreSessions",

  nameOf(session, ctx) {
    const vm = vmOf(ctx.view, restoredPoint(ctx, session).vmId);
    const name = session.jobType === "FileLevelRestore" ? `FLR_[${vm.name}]` : vm.name;
    return timedName(name, session.creationTime);
  },

  refLinks: (session, ctx) => [
    upLink(session, ctx),
    alternateToEntity(restoreSessions, session, ctx),
  ],

  entityLinks(session, ctx) {
    const point = restoredPoint(ctx, session);
    const name = pointName(vmOf(ctx.view, point.vmId), point.creationTime);
    return [
      upLink(session, ctx),
      alternateToRef(restoreSessions, session, ctx),
      refLink(ctx, "Related", VM_RESTORE_POINT, point.id, name),
    ];
  },

  levels(session, ctx) {
    const vm = vmOf(ctx.view, restoredPoint(ctx, session).vmId);
    const fields = {
      jobUid: null,
      jobName: null,
      jobType: session.jobType,
      failure: session.failureMessage,
    };
    return [
      jobSessionLevel(session, ctx, fields),
      {
        elements: [["RestoredObjRef", vmObjRef(ctx.view, vm)]],
        attributes: [["VmDisplayName", vm.name]],
      },
    ];
  },
};
