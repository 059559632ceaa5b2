import type { Link } from "../representation/representation.js";

/**
 * `GET /api/querySvc`: the QueryService resource, an Up link to the caller's own logon
 * session and one preset query per type, as the vendor lists them (querysvc): entities, 15 a
 * page, sorted ascending by name (by TaskUid, BackupServerUid or Name for a few). Presets of
 * types emrest does not serve are kept, as the LogonSession keeps links to resources it
 * does not serve: following one answers 501.
 */

// Query type, the Down link's Type, and the sort property, in the vendor's order.
const PRESETS: readonly (readonly [type: string, linkType: string, sortAsc: string])[] = [
  ["VmRestorePoint", "VmRestorePointList", "name"],
  ["VAppRestorePoint", "VAppRestorePointList", "name"],
  ["VmReplicaPoint", "VmReplicaPointList", "name"],
  ["Task", "TaskList", "TaskUid"],
  ["Job", "JobList", "name"],
  ["RestorePoint", "RestorePointList", "name"],
  ["BackupTaskSession", "BackupTaskSessionList", "name"],
  ["ReplicaTaskSession", "ReplicaTaskSessionList", "name"],
  ["RestoreSession", "RestoreSessionList", "name"],
  ["Repository", "RepositoryList", "name"],
  ["Backup", "BackupList", "name"],
  ["Replica", "ReplicaList", "name"],
  ["HierarchyRoot", "HierarchyRootList", "name"],
  ["BackupJobSession", "BackupJobSessionList", "name"],
  ["ReplicaJobSession", "ReplicaJobSessionList", "name"],
  ["BackupServer", "BackupServerList", "name"],
  ["ManagedServer", "ManagedServerList", "name"],
  ["FailoverPlan", "FailoverPlanList", "name"],
  ["WanAccelerator", "WanAcceleratorList", "name"],
  ["CloudGateway", "CloudGatewayList", "name"],
  ["CloudTenant", "CloudTenantList", "name"],
  ["Passwords", "PasswordKeyList", "BackupServerUid"],
  ["Credentials", "CredentialsList", "BackupServerUid"],
  ["CloudReplica", "CloudReplicaList", "name"],
  ["BackupFile", "BackupFileList", "name"],
  ["VCloudOrganizationConfig", "VCloudOrganizationConfigList", "name"],
  ["CloudSubtenant", "CloudSubtenantList", "Name"],
  ["CloudHardwarePlan", "CloudHardwarePlanList", "Name"],
  ["CloudPublicIpAddress", "CloudPublicIpAddressList", "Name"],
  ["AgentBackupJob", "AgentBackupJobList", "name"],
  ["AgentRestorePoint", "AgentRestorePointList", "name"],
  ["AgentProtectionGroup", "AgentProtectionGroupList", "name"],
  ["DiscoveredComputer", "DiscoveredComputerList", "name"],
  ["CloudFailoverPlan", "CloudFailoverPlanList", "Name"],
  ["CloudGatewayPool", "CloudGatewayPoolList", "Name"],
  ["VSphereSelfServiceConfig", "VSphereSelfServiceConfigList", "Name"],
  ["ExternalRepository", "ExternalRepositoryList", "name"],
  ["NasJob", "NasJobList", "name"],
  ["FileServer", "FileServerList", "name"],
  ["VAppReplicaPoint", "VAppReplicaPointList", "name"],
];

/** The QuerySvc's links for a caller whose logon session is at `sessionHref`. */
export function querySvcLinks(apiBase: string, sessionHref: string): Link[] {
  const up: Link = { rel: "Up", href: sessionHref, name: null, type: "LogonSession" };
  const presets = PRESETS.map(([type, linkType, sortAsc]): Link => ({
    rel: "Down",
    href: `${apiBase}query?type=${type}&format=Entities&sortAsc=${sortAsc}&pageSize=15&page=1`,
    name: null,
    type: linkType,
  }));
  return [up, ...presets];
}
