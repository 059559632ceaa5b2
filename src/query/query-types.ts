import type { QueryType } from "./query-type.js";
import { DISCOVERED_COMPUTER } from "./types/agents.js";
import {
  BACKUP,
  BACKUP_FILE,
  REPLICA,
  RESTORE_POINT,
  VAPP_RESTORE_POINT,
  VM_REPLICA_POINT,
  VM_RESTORE_POINT,
} from "./types/backups.js";
import {
  BACKUP_SERVER,
  EXTERNAL_REPOSITORY,
  FAILOVER_PLAN,
  HIERARCHY_ROOT,
  MANAGED_SERVER,
  REPOSITORY,
  WAN_ACCELERATOR,
} from "./types/infrastructure.js";
import { JOB } from "./types/jobs.js";
import {
  BACKUP_JOB_SESSION,
  BACKUP_TASK_SESSION,
  REPLICA_JOB_SESSION,
  REPLICA_TASK_SESSION,
  RESTORE_SESSION,
} from "./types/sessions.js";

/**
 * Every `type=` the vendor's query_type page lists (13.x), spelled as there, plus
 * ExternalRepository, which the page omits but `/querySvc` links a query of.
 */
export const VENDOR_QUERY_TYPES = [
  "AgentBackupJob",
  "AgentProtectionGroup",
  "AgentRestorePoint",
  "Backup",
  "BackupFile",
  "BackupJobSession",
  "BackupServer",
  "BackupTaskSession",
  "CdpPolicy",
  "CdpReplica",
  "CdpReplicaSession",
  "CdpReplicaTaskSession",
  "CloudGateway",
  "CloudGatewayPool",
  "CloudTenant",
  "CloudFailoverPlan",
  "CloudFailoverSession",
  "CloudHardwarePlan",
  "CloudPublicIpAddress",
  "CloudReplica",
  "CloudSubtenant",
  "CloudVmReplicaPoint",
  "Credentials",
  "DiscoveredComputer",
  "ExternalRepository",
  "FailoverPlan",
  "FileServer",
  "HierarchyRoot",
  "Job",
  "ManagedServer",
  "NasJob",
  "NasObject",
  "ObjectInJob",
  "Passwords",
  "Replica",
  "ReplicaJobSession",
  "ReplicaTaskSession",
  "Repository",
  "RestorePoint",
  "RestoreSession",
  "Task",
  "vAppReplicaPoint",
  "vAppRestorePoint",
  "VCloudOrganizationConfig",
  "VlanConfiguration",
  "VmReplicaPoint",
  "VmRestorePoint",
  "VsphereSelfServiceConfig",
  "WanAccelerator",
] as const;

/** The types answered from the inventory. */
export const SERVED_QUERY_TYPES: readonly QueryType<never>[] = [
  BACKUP_SERVER,
  MANAGED_SERVER,
  HIERARCHY_ROOT,
  REPOSITORY,
  EXTERNAL_REPOSITORY,
  WAN_ACCELERATOR,
  FAILOVER_PLAN,
  JOB,
  BACKUP_JOB_SESSION,
  REPLICA_JOB_SESSION,
  BACKUP_TASK_SESSION,
  REPLICA_TASK_SESSION,
  RESTORE_SESSION,
  BACKUP,
  BACKUP_FILE,
  RESTORE_POINT,
  VM_RESTORE_POINT,
  VAPP_RESTORE_POINT,
  REPLICA,
  VM_REPLICA_POINT,
  DISCOVERED_COMPUTER,
] as QueryType<never>[];

export type ResolvedType =
  | { served: QueryType<unknown> }
  /** A vendor type emrest has no data model for (Cloud Connect, CDP, NAS, tasks…). */
  | { notServed: string }
  | undefined;

/** A `type=` value in any casing (`job`, `backupServer`), or undefined when unknown. */
export function resolveQueryType(name: string): ResolvedType {
  const wanted = name.trim().toLowerCase();
  const served = SERVED_QUERY_TYPES.find((type) => type.name.toLowerCase() === wanted);
  if (served !== undefined) return { served: served as QueryType<unknown> };
  const known = VENDOR_QUERY_TYPES.find((type) => type.toLowerCase() === wanted);
  return known === undefined ? undefined : { notServed: known };
}
