/**
 * The vendor's role matrix: per REST role, the operations it may use ("available") and those
 * it may not ("unavailable"), in the vendor's own notation, resource by resource
 * (helpcenter.veeam.com/docs/vbr/em_rest/security_roles_concept.html, v13.0.1; see
 * src/sessions/operation.ts for how a line reads). `src/sessions/access.ts` decides with it.
 */
import type { Role } from "../store/store.js";

export type RestRole =
  | "Portal User"
  | "VM Restore Operator"
  | "File Restore Operator"
  | "Exchange Restore Operator"
  | "Oracle Restore Operator"
  | "SQL Restore Operator";

export interface RoleColumns {
  available: readonly string[];
  unavailable: readonly string[];
}

/**
 * The REST roles an emrest account holds. EM's web UI has one Restore Operator, who may
 * restore VMs, guest files and application items (Exchange, Oracle, SQL); REST splits that
 * into five roles and lets an account hold several, each adding what it grants. An emrest
 * Restore Operator therefore holds all five: it may do what any of them may. The Portal
 * Administrator's row reads "All".
 */
export const REST_ROLES: Record<Role, "all" | readonly RestRole[]> = {
  PortalAdministrator: "all",
  PortalUser: ["Portal User"],
  RestoreOperator: [
    "VM Restore Operator",
    "File Restore Operator",
    "Exchange Restore Operator",
    "Oracle Restore Operator",
    "SQL Restore Operator",
  ],
  None: [],
};

/**
 * Every session's own: the matrix leaves logon sessions out, as every role logs on and off.
 * The session service still limits them to the caller's own account or tenant.
 */
export const EVERY_SESSION: readonly string[] = ["/logonSessions (all)"];

/** A Cloud Connect tenant sees only Cloud Connect (spec section 8, [TEN]). */
export const TENANT: readonly string[] = ["/cloud (all)"];

const queries = (...types: string[]) => types.map((type) => `GET /query?type=${type}`);
const actions = (path: string, ...names: string[]) =>
  names.map((name) => `POST ${path}?action=${name}`);

// The five operations on the mounts of one restore or replica point.
const mounts = (point: string) => [
  `POST ${point}/{ID}/mounts`,
  `GET ${point}/{ID}/mounts`,
  `GET ${point}/{ID}/mounts/{ID}`,
  `DELETE ${point}/{ID}/mounts/{ID}`,
  `POST ${point}/{ID}/mounts/{ID}/{filepath}?action=restore`,
];

// prettier-ignore
const AGENT_JOBS_AND_GROUPS = [
  "GET /agents/discoveredComputers", "GET /agents/discoveredComputers/{ID}",
  "GET /agents/protectionGroups", "GET /agents/protectionGroups/{ID}",
  "GET /agents/protectionGroups/{ID}/discoveredComputers",
  "GET /agents/jobs", "GET /agents/jobs/{ID}",
  ...actions("/agents/jobs/{ID}", "start", "stop", "retry", "toggleScheduleEnabled"),
  "GET /agents/jobs/{ID}/includes", "GET /agents/jobs/{ID}/includes/{ID}",
];

// prettier-ignore
const CLOUD_FAILOVER_PLAN_RUNS = [
  "GET /cloud/cloudFailoverPlans", "GET /cloud/cloudFailoverPlans/{ID}",
  ...actions("/cloud/cloudFailoverPlans/{ID}", "start", "test", "undo"),
  "GET /cloud/cloudFailoverPlans/{ID}/includes", "GET /cloud/cloudFailoverPlans/{ID}/includes/{ID}",
  "/cloud/failoverSessions (all)",
];

// A failover plan's entity lists its VMs, each with the Href of its include: a role that may
// read the plan may read those, as the cloud row grants a cloud plan's includes.
// prettier-ignore
const FAILOVER_PLAN_RUNS = [
  "GET /failoverPlans", "GET /failoverPlans/{ID}",
  ...actions("/failoverPlans/{ID}", "start", "undo"),
  "GET /failoverPlans/{ID}/includes", "GET /failoverPlans/{ID}/includes/{ID}",
];

// prettier-ignore
const CLOUD_PROVIDER_SIDE = [
  "/cloud/gateways (all)", "/cloud/gatewayPools (all)", "/cloud/tenants (all)",
  "/cloud/hardwarePlans (all)", "/cloud/publicIpAddresses (all)",
];

// prettier-ignore
const RESTORE_OPERATOR_QUERIES = queries(
  "Backup", "FailoverPlan", "Replica", "RestorePoint", "RestoreSession", "Task",
  "vAppReplicaPoint", "vAppRestorePoint", "VmReplicaPoint", "VmRestorePoint",
);

// prettier-ignore
const PORTAL_USER: RoleColumns = {
  available: [
    "GET /agents", "GET /agents/backups", "GET /agents/backupFiles", "GET /agents/backupSessions",
    "GET /agents/restorePoints", "GET /agents/agentRestorePoints",
    "GET /agents/agentRestorePoints/{ID}", "GET /agents/agentRestorePoints/{ID}/mounts/{ID}/{filepath}",
    "/backupFiles (all)", "/backups (all)",
    "GET /backupServers", "GET /backupServers/{ID}",
    ...actions("/backupServers/{ID}", "veeamzip", "quickbackup", "collect"),
    "GET /backupServers/{ID}/credentials", "GET /backupServers/{ID}/credentials/{ID}",
    "GET /backupServers/{ID}/passwords", "GET /backupServers/{ID}/passwords/{ID}",
    "GET /backupServers/{ID}/externalRepositories",
    "GET /backupSessions", "GET /backupSessions/{ID}", "GET /backupSessions/{ID}/taskSessions",
    "GET /backupSessions/{ID}/agentManagementSessions",
    "/backupTaskSessions (all)", "/catalog/vms (all)",
    "/cdpReplicaSessions (all)", "/cdpReplicaTaskSessions (all)",
    ...CLOUD_PROVIDER_SIDE, "/cloud/failoverSessions (all)", "/cloud/replicas (all)",
    "/cloud/vmReplicaPoints (all)", "/cloud/vlans (all)",
    "/externalRepositories (all)", "/hierarchyRoots (all)", "/lookupSvc (all)",
    "/managedServers (all)",
    "GET /nas", "GET /nas/jobs/{ID}/backupSessions", "GET /nas/fileServers",
    "GET /nas/fileServers/{ID}", "GET /nas/backupSessions",
    "GET /querySvc",
    ...queries(
      "AgentRestorePoint", "Backup", "BackupFile", "BackupJobSession", "BackupServer",
      "BackupTaskSession", "CdpReplicaSession", "CdpReplicaTaskSession", "CloudGatewayPool",
      "Credentials", "FileServer", "HierarchyRoot", "ManagedServer", "Passwords", "Replica",
      "ReplicaJobSession", "ReplicaTaskSession", "Repository", "RestorePoint", "RestoreSession",
      "Task", "vAppReplicaPoint", "vAppRestorePoint", "VCloudOrganizationConfig",
      "VmReplicaPoint", "VmRestorePoint", "VsphereSelfServiceConfig", "WanAccelerator",
    ),
    "/replicas (all)", "/replicaSessions (all)", "/replicaTaskSessions (all)",
    "/reports/summary (all)", "/repositories (all)", "/restorePoints (all)",
    "/restoreSessions (all)",
    "GET /selfService/vSphere", "GET /selfService/vSphere/Configs",
    "GET /selfService/vSphere/Configs/{ID}", "GET /selfService/vSphere/Configs/{ID}/backupJobSettings",
    "/tasks (all)",
    "GET /vCloud", "GET /vCloud/orgConfigs", "GET /vCloud/orgConfigs/{ID}",
    ...actions("/vCloud/orgConfigs/{ID}", "disable"),
    "GET /vCloud/orgConfigs/{ID}/backupJobSettings",
    "/vAppReplicaPoints (all)", "/vAppRestorePoints (all)",
    "GET /vmReplicaPoints", "GET /vmReplicaPoints/{ID}",
    ...actions("/vmReplicaPoints/{ID}", "failover"),
    "GET /vmReplicaPoints/{ID}/mounts/{ID}/{filepath}",
    "GET /vmRestorePoints", "GET /vmRestorePoints/{ID}",
    "GET /vmRestorePoints/{ID}/mounts/{ID}/{filepath}",
    "/wanAccelerators (all)",
  ],
  unavailable: [
    ...AGENT_JOBS_AND_GROUPS, ...mounts("/agents/agentRestorePoints"),
    ...actions("/backupServers", "create"), "PUT /backupServers/{ID}", "DELETE /backupServers/{ID}",
    "PUT /backupServers/{ID}/credentials/{ID}", "DELETE /backupServers/{ID}/credentials/{ID}",
    ...actions("/backupServers/{ID}/passwords", "create"),
    "PUT /backupServers/{ID}/passwords/{ID}", "DELETE /backupServers/{ID}/passwords/{ID}",
    ...actions("/backupSessions/{ID}", "stop"),
    "/cdpPolicies (all)", "/cdpReplicas (all)", "/cloud/cloudFailoverPlans (all)",
    "/failoverPlans (all)", "/jobs (all)",
    "GET /nas/jobs", "GET /nas/jobs/{ID}", "POST /nas/jobs/{ID}/start", "POST /nas/jobs/{ID}/stop",
    "POST /nas/jobs/{ID}/retry", "POST /nas/jobs/{ID}/toggleScheduleEnabled",
    "GET /nas/jobs/{ID}/includes", "GET /nas/jobs/{ID}/includes/{ID}",
    "/security (all)",
    "POST /selfService/vSphere/Configs", "PUT /selfService/vSphere/Configs/{ID}",
    "DELETE /selfService/vSphere/Configs/{ID}",
    ...queries(
      "AgentBackupJob", "AgentProtectionGroup", "CdpPolicy", "CdpReplica", "DiscoveredComputer",
      "FailoverPlan", "Job", "NasJob", "NasObject", "ObjectInJob", "VlanConfiguration",
    ),
    "POST /vCloud/orgConfigs", "PUT /vCloud/orgConfigs/{ID}", "DELETE /vCloud/orgConfigs/{ID}",
    ...mounts("/vmReplicaPoints"),
    ...actions("/vmRestorePoints/{ID}", "restore"), ...mounts("/vmRestorePoints"),
  ],
};

// What the VM and File Restore Operators may not do alike.
// prettier-ignore
const NOT_FOR_VM_OR_FILE_OPERATORS = [
  ...AGENT_JOBS_AND_GROUPS,
  "GET /agents/backupFiles", "GET /agents/backupSessions", "GET /agents/agentRestorePoints",
  "GET /agents/agentRestorePoints/{ID}",
  "GET /backupFiles", "GET /backupFiles/{ID}", "GET /backupFiles/{ID}/vmRestorePoints",
  // The row grants "/backups (all)", but a backup's files are the backup files it denies.
  "GET /backups/{ID}/backupFiles",
  "/backupServers (all)", "/backupSessions (all)", "/backupTaskSessions (all)",
  "/cdpPolicies (all)", "/cdpReplicas (all)", "/cdpReplicaSessions (all)",
  "/cdpReplicaTaskSessions (all)",
  ...CLOUD_PROVIDER_SIDE, "/cloud/replicas (all)", "/cloud/vmReplicaPoints (all)",
  "PUT /cloud/cloudFailoverPlans/{ID}", "DELETE /cloud/cloudFailoverPlans/{ID}", "/cloud/vlans (all)",
  "/externalRepositories (all)", "PUT /failoverPlans/{ID}", "/hierarchyRoots (all)", "/jobs (all)",
  "/lookupSvc (all)", "/managedServers (all)", "/nas (all)",
  ...queries(
    "AgentBackupJob", "AgentProtectionGroup", "AgentRestorePoint", "BackupFile",
    "BackupJobSession", "BackupServer", "BackupTaskSession", "CdpPolicy", "CdpReplica",
    "CdpReplicaSession", "CdpReplicaTaskSession", "CloudGatewayPool", "Credentials",
    "DiscoveredComputer", "FileServer", "HierarchyRoot", "Job", "ManagedServer", "NasJob",
    "NasObject", "ObjectInJob", "Passwords", "ReplicaJobSession", "ReplicaTaskSession",
    "Repository", "VCloudOrganizationConfig", "VlanConfiguration", "VsphereSelfServiceConfig",
    "WanAccelerator",
  ),
  "/replicaSessions (all)", "/replicaTaskSessions (all)", "/reports/summary (all)",
  "/repositories (all)",
  "GET /restorePoints/{ID}/backupFiles", "GET /restorePoints/{ID}/vmRestorePoints",
  "GET /restorePoints/{ID}/agentRestorePoints",
  "/security (all)", "/selfService/vSphere (all)", "/vCloud (all)", "/wanAccelerators (all)",
];

// prettier-ignore
const VM_RESTORE_OPERATOR: RoleColumns = {
  available: [
    "GET /agents", "GET /agents/backups", "GET /agents/restorePoints",
    "GET /agents/agentRestorePoints/{ID}/mounts/{ID}/{filepath}",
    "GET /backupFiles/{ID}/restorePoints", "/backups (all)", "/catalog/vms (all)",
    ...CLOUD_FAILOVER_PLAN_RUNS, ...FAILOVER_PLAN_RUNS,
    "GET /querySvc", ...RESTORE_OPERATOR_QUERIES,
    "/replicas (all)",
    "GET /restorePoints", "GET /restorePoints/{ID}", "GET /restorePoints/{ID}/vAppRestorePoints",
    "/restoreSessions (all)", "/tasks (all)", "/vAppReplicaPoints (all)", "/vAppRestorePoints (all)",
    "GET /vmReplicaPoints", "GET /vmReplicaPoints/{ID}",
    ...actions("/vmReplicaPoints/{ID}", "failover"),
    "GET /vmReplicaPoints/{ID}/mounts/{ID}/{filepath}",
    "GET /vmRestorePoints", "GET /vmRestorePoints/{ID}",
    ...actions("/vmRestorePoints/{ID}", "restore"),
    "GET /vmRestorePoints/{ID}/mounts/{ID}/{filepath}",
  ],
  unavailable: [
    ...NOT_FOR_VM_OR_FILE_OPERATORS, ...mounts("/agents/agentRestorePoints"),
    ...mounts("/vmReplicaPoints"), ...mounts("/vmRestorePoints"),
  ],
};

// The vendor's table has a stray link to the GET /lookup page after this row's failover
// plans; its unavailable column names "/lookupSvc (all)", so the lookup stays denied.
// prettier-ignore
const FILE_RESTORE_OPERATOR: RoleColumns = {
  available: [
    "GET /agents", "GET /agents/backups", "GET /agents/restorePoints",
    ...mounts("/agents/agentRestorePoints"),
    "GET /agents/agentRestorePoints/{ID}/mounts/{ID}/{filepath}",
    "GET /backupFiles/{ID}/restorePoints", "/backups (all)", "/catalog/vms (all)",
    ...CLOUD_FAILOVER_PLAN_RUNS, ...FAILOVER_PLAN_RUNS,
    "GET /querySvc", ...RESTORE_OPERATOR_QUERIES,
    "/replicas (all)",
    "GET /restorePoints", "GET /restorePoints/{ID}", "GET /restorePoints/{ID}/vAppRestorePoints",
    "/restoreSessions (all)", "/tasks (all)", "/vAppReplicaPoints (all)", "/vAppRestorePoints (all)",
    "/vmReplicaPoints (all)",
    "GET /vmRestorePoints", "GET /vmRestorePoints/{ID}", ...mounts("/vmRestorePoints"),
    "GET /vmRestorePoints/{ID}/mounts/{ID}/{filepath}",
  ],
  unavailable: [...NOT_FOR_VM_OR_FILE_OPERATORS, ...actions("/vmRestorePoints/{ID}", "restore")],
};

// One row of the table serves the Exchange, Oracle and SQL Restore Operators.
// prettier-ignore
const APPLICATION_RESTORE_OPERATOR: RoleColumns = {
  available: ["/catalog/vms (all)", ...FAILOVER_PLAN_RUNS, "/restoreSessions (all)", "/tasks (all)"],
  unavailable: [
    "/agents (all)", "/backupFiles (all)", "/backups (all)", "/backupServers (all)",
    "/backupSessions (all)", "/backupTaskSessions (all)", "/cdpPolicies (all)", "/cdpReplicas (all)",
    "/cdpReplicaSessions (all)", "/cdpReplicaTaskSessions (all)", "/cloud (all)",
    "/externalRepositories (all)", "PUT /failoverPlans/{ID}", "/hierarchyRoots (all)", "/jobs (all)",
    "/lookupSvc (all)", "/managedServers (all)", "/nas (all)", "/querySvc (all)", "/replicas (all)",
    "/replicaSessions (all)", "/replicaTaskSessions (all)", "/reports/summary (all)",
    "/repositories (all)", "/restorePoints (all)", "/security (all)", "/selfService/vSphere (all)",
    "/vAppReplicaPoints (all)", "/vAppRestorePoints (all)", "/vCloud (all)",
    "/vmReplicaPoints (all)", "/vmRestorePoints (all)", "/wanAccelerators (all)",
  ],
};

export const ROLE_MATRIX: Record<RestRole, RoleColumns> = {
  "Portal User": PORTAL_USER,
  "VM Restore Operator": VM_RESTORE_OPERATOR,
  "File Restore Operator": FILE_RESTORE_OPERATOR,
  "Exchange Restore Operator": APPLICATION_RESTORE_OPERATOR,
  "Oracle Restore Operator": APPLICATION_RESTORE_OPERATOR,
  "SQL Restore Operator": APPLICATION_RESTORE_OPERATOR,
};
