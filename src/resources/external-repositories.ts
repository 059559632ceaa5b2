/**
 * `/externalRepositories`: object storage repositories a backup server reads backups from.
 * Shapes from the vendor's externalrepositories_id page. The inventory records only their
 * kind: Path, UsedSpace and Description are null, and no backups live in them, so
 * `externalRepositories/{ID}/backups` is an empty list.
 */
import type { ExternalRepository } from "../inventory/model.js";
import { backups } from "./backups.js";
import { byId } from "./by-id.js";
import { EXTERNAL_REPOSITORY } from "./kind-names.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  type ResourceKind,
} from "./resource-kind.js";
import { serverLink } from "./site.js";

export const externalRepositories: ResourceKind<ExternalRepository> = {
  ...EXTERNAL_REPOSITORY,
  ...byId("externalRepositories"),
  listElement: "ExternalRepositories",
  nameOf: (repository) => repository.name,

  refLinks: (repository, ctx) => [
    serverLink(ctx, repository.backupServerId),
    alternateToEntity(externalRepositories, repository, ctx),
    pathLink(
      ctx,
      "Down",
      `${pathOf(externalRepositories, repository)}/backups`,
      "BackupReferenceList",
    ),
  ],

  entityLinks: (repository, ctx) => [
    serverLink(ctx, repository.backupServerId),
    alternateToRef(externalRepositories, repository, ctx),
    pathLink(
      ctx,
      "Down",
      `${pathOf(externalRepositories, repository)}/backups`,
      "BackupReferenceList",
    ),
  ],

  levels: (repository) => [
    {
      elements: [
        ["RepositoryType", repository.kind],
        ["Path", null],
        ["UsedSpace", null],
        ["Description", null],
      ],
    },
  ],

  children: { backups: { kind: () => backups, items: () => [] } },
};
