/**
 * The collections of the inventory resources and their entity types, as the LogonSession
 * links name them (spec section 10). Kept apart from the kinds themselves so that a kind can
 * link to any other without importing it.
 */
import type { KindName } from "./resource-kind.js";

const kind = (collection: string, entityType: string): KindName => ({ collection, entityType });

export const BACKUP_SERVER = kind("backupServers", "BackupServer");
export const MANAGED_SERVER = kind("managedServers", "ManagedServer");
export const JOB = kind("jobs", "Job");
export const FAILOVER_PLAN = kind("failoverPlans", "FailoverPlan");
export const HIERARCHY_ROOT = kind("hierarchyRoots", "HierarchyRoot");
export const REPOSITORY = kind("repositories", "Repository");
export const BACKUP = kind("backups", "Backup");
export const RESTORE_POINT = kind("restorePoints", "RestorePoint");
export const VM_RESTORE_POINT = kind("vmRestorePoints", "VmRestorePoint");
export const VAPP_RESTORE_POINT = kind("vAppRestorePoints", "VAppRestorePoint");
export const REPLICA = kind("replicas", "Replica");
export const VM_REPLICA_POINT = kind("vmReplicaPoints", "VmReplicaPoint");
export const CATALOG_VM = kind("catalog/vms", "CatalogVm");
export const BACKUP_JOB_SESSION = kind("backupSessions", "BackupJobSession");
export const RESTORE_SESSION = kind("restoreSessions", "RestoreSession");
export const REPLICA_JOB_SESSION = kind("replicaSessions", "ReplicaJobSession");
export const BACKUP_TASK_SESSION = kind("backupTaskSessions", "BackupTaskSession");
export const REPLICA_TASK_SESSION = kind("replicaTaskSessions", "ReplicaTaskSession");
export const WAN_ACCELERATOR = kind("wanAccelerators", "WanAccelerator");
export const BACKUP_FILE = kind("backupFiles", "BackupFile");
export const EXTERNAL_REPOSITORY = kind("externalRepositories", "ExternalRepository");
export const DISCOVERED_COMPUTER = kind("agents/discoveredComputers", "DiscoveredComputer");
export const AGENT_PROTECTION_GROUP = kind("agents/protectionGroups", "AgentProtectionGroup");
