import type { Link } from "../representation/representation.js";
import type { QueryFormat } from "./query-request.js";

/**
 * A `QueryResult` ready to write (XSD QueryResultType): the page's objects, already written
 * as references or entities in the reply's representation, then PagingInfo.
 */
export interface QueryResultModel {
  format: QueryFormat;
  /** The member of Entities the objects go in, e.g. `BackupJobSessions`. */
  entities: string;
  /** Each object as XML or JSON text, in page order. */
  items: readonly string[];
  paging: { pageNum: number; pageSize: number; pagesCount: number; links: Link[] };
}

/**
 * Entities' members as EM 12 writes them in JSON, all present, in this order, null but the
 * one that holds the objects; the spellings are EM's own, "EnterpiseRoles" and the singular
 * "AgentBackupJob" included (backup_jobs_sessions_metrics_v12, backup_jobs_tasks_sessions_…).
 */
export const ENTITIES_MEMBERS = [
  "Jobs",
  "FailoverPlans",
  "Backups",
  "Replicas",
  "Repositories",
  "RestorePoints",
  "VmRestorePoints",
  "VAppRestorePoints",
  "VmReplicaPoints",
  "BackupJobSessions",
  "ReplicaJobSessions",
  "ReplicaTaskSessions",
  "RestoreSessions",
  "HierarchyRoots",
  "BackupTaskSessions",
  "BackupServers",
  "ManagedServers",
  "EnterpiseRoles",
  "EnterpiseAccounts",
  "WanAccelerators",
  "CloudGateways",
  "CloudTenants",
  "CloudReplicas",
  "VCloudOrganizationConfigs",
  "BackupFiles",
  "VSphereSelfServiceConfigs",
  "CloudPublicIps",
  "CloudHardwarePlans",
  "CloudVmReplicaPoints",
  "AgentRestorePoints",
  "AgentBackupJob",
  "CloudGatewayPools",
  "CloudFailoverPlans",
  "ExternalRepositories",
  "VlanConfigurations",
  "CloudFailoverSessions",
  "AgentProtectionGroups",
  "DiscoveredComputers",
  "FileServers",
  "NASJobs",
  "CdpReplicas",
  "CdpReplicaVms",
  "CdpPolicies",
  "CdpReplicaSessions",
  "CdpReplicaTaskSessions",
  "VAppReplicaPoints",
  "VmCdpReplicas",
  "VAppCdpReplicas",
  "VAppCdpReplicaVms",
  "SystemSessions",
] as const;
