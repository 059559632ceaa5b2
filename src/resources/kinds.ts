/**
 * Every collection emrest serves from the inventory, and the functions the routes and the
 * query service use to turn its objects into references and entities.
 */
import type { EntityModel, ReferenceModel } from "../representation/resource.js";
import { discoveredComputers, protectionGroups } from "./agents.js";
import { backupFiles } from "./backup-files.js";
import { backupServers } from "./backup-servers.js";
import { backups } from "./backups.js";
import { catalogVms } from "./catalog-vms.js";
import { externalRepositories } from "./external-repositories.js";
import { failoverPlans } from "./failover-plans.js";
import { hierarchyRoots } from "./hierarchy-roots.js";
import { backupSessions, replicaSessions } from "./job-sessions.js";
import { jobs } from "./jobs.js";
import { managedServers } from "./managed-servers.js";
import { replicas } from "./replicas.js";
import { repositories } from "./repositories.js";
import {
  entityModel,
  referenceModel,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { restorePoints } from "./restore-points.js";
import { restoreSessions } from "./restore-sessions.js";
import { backupTaskSessions, replicaTaskSessions } from "./task-sessions.js";
import { vAppRestorePoints } from "./vapp-restore-points.js";
import { vmReplicaPoints } from "./vm-replica-points.js";
import { vmRestorePoints } from "./vm-restore-points.js";
import { wanAccelerators } from "./wan-accelerators.js";

/** The collections, in the order a LogonSession links to them. */
export const RESOURCE_KINDS: readonly ResourceKind<any>[] = [
  backupServers,
  managedServers,
  jobs,
  failoverPlans,
  hierarchyRoots,
  repositories,
  backups,
  restorePoints,
  vmRestorePoints,
  vAppRestorePoints,
  replicas,
  vmReplicaPoints,
  catalogVms,
  backupSessions,
  restoreSessions,
  replicaSessions,
  backupTaskSessions,
  replicaTaskSessions,
  wanAccelerators,
  backupFiles,
  externalRepositories,
  discoveredComputers,
  protectionGroups,
];

const byType = new Map(RESOURCE_KINDS.map((kind) => [kind.entityType.toLowerCase(), kind]));

/** The kind whose entities have this type (`BackupJobSession`), in any casing. */
export function kindOfType(type: string): ResourceKind<any> | undefined {
  return byType.get(type.toLowerCase());
}

/** References to `items`, e.g. for `Refs` of a query result. */
export function referenceModels<T>(
  kind: ResourceKind<T>,
  items: readonly T[],
  ctx: ResourceContext,
): ReferenceModel[] {
  return items.map((item) => referenceModel(kind, item, ctx));
}

/** Entities of `items`, e.g. for `Entities` of a query result. */
export function entityModels<T>(
  kind: ResourceKind<T>,
  items: readonly T[],
  ctx: ResourceContext,
): EntityModel[] {
  return items.map((item) => entityModel(kind, item, ctx));
}
