/**
 * `/backups`: backup chains, one per job and repository. Shapes from the vendor's
 * get_backups_id page (13.1): Platform and BackupType (always `Standard` here: the inventory
 * has no Veeam Agent parent or child backups).
 */
import type { Backup } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { backupFiles } from "./backup-files.js";
import { byId } from "./by-id.js";
import { BACKUP, REPOSITORY } from "./kind-names.js";
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
import { restorePoints } from "./restore-points.js";
import { jobOf, must, serverLink } from "./site.js";

function upLinks(backup: Backup, ctx: ResourceContext): [server: Link, repository: Link] {
  const repository = must(ctx.view.get("repositories", backup.repositoryId), "repository");
  return [
    serverLink(ctx, jobOf(ctx.view, backup.jobId).backupServerId),
    refLink(ctx, "Up", REPOSITORY, repository.id, repository.name),
  ];
}

function downLinks(backup: Backup, ctx: ResourceContext): Link[] {
  const self = pathOf(backups, backup);
  return [
    pathLink(ctx, "Down", `${self}/restorePoints`, "RestorePointReferenceList"),
    pathLink(ctx, "Down", `${self}/backupFiles`, "BackupFileReferenceList"),
  ];
}

export const backups: ResourceKind<Backup> = {
  ...BACKUP,
  ...byId("backups"),
  listElement: "Backups",
  nameOf: (backup) => backup.name,

  refLinks(backup, ctx) {
    const [server, repository] = upLinks(backup, ctx);
    return [server, repository, alternateToEntity(backups, backup, ctx), ...downLinks(backup, ctx)];
  },

  entityLinks(backup, ctx) {
    const [server, repository] = upLinks(backup, ctx);
    return [repository, server, alternateToRef(backups, backup, ctx), ...downLinks(backup, ctx)];
  },

  levels: (backup) => [
    {
      elements: [
        ["Platform", backup.platform],
        ["BackupType", "Standard"],
      ],
    },
  ],

  children: {
    restorePoints: {
      kind: () => restorePoints,
      items: (b, ctx) => childrenOf(ctx.view, "restorePoints", "backupId", b.id),
    },
    backupFiles: {
      kind: () => backupFiles,
      items: (b, ctx) => childrenOf(ctx.view, "backupFiles", "backupId", b.id),
    },
  },
};
