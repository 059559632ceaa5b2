/**
 * `/backupFiles`: the `.vbk`, `.vib` and `.vrb` files of backups. Shapes from the vendor's
 * backupfiles_id page; its `Related` link to the file's restore points is typed
 * `BackupFileReferenceList` there, and kept so.
 */
import type { BackupFile } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { byId } from "./by-id.js";
import { BACKUP, BACKUP_FILE } from "./kind-names.js";
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
import { fileName, jobOf, must, serverLink } from "./site.js";
import { utcTime } from "./time-format.js";
import { vmRestorePoints } from "./vm-restore-points.js";

function upLinks(file: BackupFile, ctx: ResourceContext): Link[] {
  const backup = must(ctx.view.get("backups", file.backupId), "backup");
  return [
    refLink(ctx, "Up", BACKUP, backup.id, backup.name),
    serverLink(ctx, jobOf(ctx.view, backup.jobId).backupServerId),
  ];
}

export const backupFiles: ResourceKind<BackupFile> = {
  ...BACKUP_FILE,
  ...byId("backupFiles"),
  listElement: "BackupFiles",
  nameOf: (file) => fileName(file.filePath),

  refLinks: (file, ctx) => [...upLinks(file, ctx), alternateToEntity(backupFiles, file, ctx)],

  entityLinks(file, ctx) {
    const self = pathOf(backupFiles, file);
    return [
      ...upLinks(file, ctx),
      alternateToRef(backupFiles, file, ctx),
      pathLink(ctx, "Related", `${self}/restorePoints`, "BackupFileReferenceList"),
      pathLink(ctx, "Down", `${self}/vmRestorePoints`, "VmRestorePointReferenceList"),
    ];
  },

  levels: (file) => [
    {
      elements: [
        ["FilePath", file.filePath],
        ["BackupSize", file.backupSize],
        ["DataSize", file.dataSize],
        ["DeduplicationRatio", file.deduplicationRatio],
        ["CompressRatio", file.compressRatio],
        ["CreationTimeUtc", utcTime(file.creationTime)],
        ["FileType", file.fileType],
      ],
    },
  ],

  children: {
    restorePoints: {
      kind: () => restorePoints,
      items: (file, ctx) => [must(ctx.view.get("restorePoints", file.restorePointId), "point")],
    },
    vmRestorePoints: {
      kind: () => vmRestorePoints,
      items: (file, ctx) =>
        childrenOf(ctx.view, "vmRestorePoints", "restorePointId", file.restorePointId),
    },
  },
};
