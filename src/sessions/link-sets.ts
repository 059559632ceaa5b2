/**
 * The links of `GET /api/` and of a `LogonSession`, per API version, role and kind of
 * principal. Pure functions: the HTTP layer passes the absolute `/api/` base it answers on.
 */
import type { EntryPointModel, Link } from "../representation/representation.js";
import type { Role } from "../store/store.js";
import { mayFollowLink } from "./link-access.js";

/** Every `?v=` value EM has had, oldest first (spec section 7). `v1` is API 1.0. */
export const API_VERSIONS = ["v1", "v1_1", "v1_2", "v1_3", "v1_4", "v1_5", "v1_6", "v1_7"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** What `latest`, an empty or a missing `?v=` mean. */
export const LATEST_VERSION: ApiVersion = "v1_7";

// EM 12 and 13 list only these at /api/; REST API 1.7 dropped v1_1-v1_4 there (veeam_api_v12).
const ADVERTISED_VERSIONS: ApiVersion[] = ["v1_5", "v1_6", "v1_7"];

/** Case-insensitive; undefined, empty and `latest` give the latest; unknown gives undefined. */
export function resolveVersion(v: string | undefined): ApiVersion | undefined {
  const wanted = (v ?? "").trim().toLowerCase();
  if (wanted === "" || wanted === "latest") return LATEST_VERSION;
  return API_VERSIONS.find((version) => version === wanted);
}

/** One link as the vendor lists it: Rel, Type, path under /api/, Name. */
type Row = readonly [rel: string, type: string | null, path: string, name?: string];

const SESSION_PATH = "logonSessions/{ID}";
const UP: Row = ["Up", "EnterpriseManager", ""];
const TYPED_DELETE: Row = ["Delete", "LogonSession", SESSION_PATH];
const UNTYPED_DELETE: Row = ["Delete", null, SESSION_PATH];
const CLOUD: Row = ["Down", "CloudConnectService", "cloud"];

// Every documented set starts with these twenty, backupServers to wanAccelerators.
const CORE_REFERENCE_LISTS: Row[] = [
  ["Down", "BackupServerReferenceList", "backupServers"],
  ["Down", "ManagedServerReferenceList", "managedServers"],
  ["Down", "JobReferenceList", "jobs"],
  ["Down", "FailoverPlanReferenceList", "failoverPlans"],
  ["Down", "HierarchyRootReferenceList", "hierarchyRoots"],
  ["Down", "RepositoryReferenceList", "repositories"],
  ["Down", "BackupReferenceList", "backups"],
  ["Down", "RestorePointReferenceList", "restorePoints"],
  ["Down", "VmRestorePointReferenceList", "vmRestorePoints"],
  ["Down", "VAppRestorePointReferenceList", "vAppRestorePoints"],
  ["Down", "ReplicaReferenceList", "replicas"],
  ["Down", "VmReplicaPointReferenceList", "vmReplicaPoints"],
  ["Down", "CatalogVmReferenceList", "catalog/vms"],
  ["Down", "BackupJobSessionReferenceList", "backupSessions"],
  ["Down", "RestoreSessionReferenceList", "restoreSessions"],
  ["Down", "ReplicaJobSessionReferenceList", "replicaSessions"],
  ["Down", "BackupTaskSessionReferenceList", "backupTaskSessions"],
  ["Down", "ReplicaTaskSessionReferenceList", "replicaTaskSessions"],
  ["Down", "EnterpriseSecuritySettings", "security"],
  ["Down", "WanAcceleratorReferenceList", "wanAccelerators"],
];

const SERVICES: Row[] = [
  ["Down", "TaskList", "tasks"],
  ["Down", "QueryService", "querySvc"],
  ["Down", "LookupService", "lookupSvc"],
  ["Down", "Report", "reports/summary", "Summary"],
];

const CORE_ENTITY_LISTS: Row[] = [
  ["Down", "BackupServerList", "backupServers?format=Entity"],
  ["Down", "ManagedServerList", "managedServers?format=Entity"],
  ["Create", null, "backupServers?action=create"],
  ["Down", "JobList", "jobs?format=Entity"],
  ["Down", "FailoverPlanList", "failoverPlans?format=Entity"],
  ["Down", "HierarchyRootList", "hierarchyRoots?format=Entity"],
  ["Down", "RepositoryList", "repositories?format=Entity"],
  ["Down", "BackupList", "backups?format=Entity"],
  ["Down", "RestorePointList", "restorePoints?format=Entity"],
  ["Down", "VmRestorePointList", "vmRestorePoints?format=Entity"],
  ["Down", "VAppRestorePointList", "vAppRestorePoints?format=Entity"],
  ["Down", "ReplicaList", "replicas?format=Entity"],
  ["Down", "VmReplicaPointList", "vmReplicaPoints?format=Entity"],
  ["Down", "CatalogVmList", "catalog/vms?format=Entity"],
  ["Down", "BackupJobSessionList", "backupSessions?format=Entity"],
  ["Down", "RestoreSessionList", "restoreSessions?format=Entity"],
  ["Down", "ReplicaJobSessionList", "replicaSessions?format=Entity"],
  ["Down", "BackupTaskSessionList", "backupTaskSessions?format=Entity"],
  ["Down", "ReplicaTaskSessionList", "replicaTaskSessions?format=Entity"],
  ["Down", "WanAcceleratorList", "wanAccelerators?format=Entity"],
];

const BACKUP_FILE_REFERENCES: Row = ["Down", "BackupFileReferenceList", "backupFiles"];
const BACKUP_FILE_LIST: Row = ["Down", "BackupFileList", "backupFiles?format=Entity"];
const VCLOUD: Row = ["Down", "VCloudService", "vCloud"];
const EXTERNAL_REPOSITORY_REFERENCES: Row = [
  "Down",
  "ExternalRepositoryReferenceList",
  "externalRepositories",
];
const EXTERNAL_REPOSITORY_LIST: Row = [
  "Down",
  "ExternalRepositoryList",
  "externalRepositories?format=Entity",
];
const AGENTS: Row = ["Down", "AgentsService", "agents"];
const VSPHERE_SELF_SERVICE: Row = ["Down", "VSphereSelfService", "selfService/vSphere"];
const NAS: Row = ["Down", "NasService", "nas"];

// Only in the EM 12 capture (spec section 14).
const CDP_REFERENCE_LISTS: Row[] = [
  ["Down", "CdpPolicyReferenceList", "cdpPolicies"],
  ["Down", "CdpReplicaSessionReferenceList", "cdpReplicaSessions"],
  ["Down", "CdpReplicaTaskSessionReferenceList", "cdpReplicaTaskSessions"],
  ["Down", "VAppReplicaPointReferenceList", "vAppReplicaPoints"],
  ["Down", "VmCdpReplicaReferenceList", "cdpReplica/vms"],
  ["Down", "VAppCdpReplicaReferenceList", "cdpReplica/vApps"],
  ["Down", "BackupJobSessionReferenceList", "systemSessions"],
];

const CDP_ENTITY_LISTS: Row[] = [
  ["Down", "CdpPolicyList", "cdpPolicies?format=Entity"],
  ["Down", "CdpReplicaSessionList", "cdpReplicaSessions?format=Entity"],
  ["Down", "CdpReplicaTaskSessionList", "cdpReplicaTaskSessions?format=Entity"],
  ["Down", "VAppReplicaPointList", "vAppReplicaPoints?format=Entity"],
  ["Down", "VmCdpReplicaList", "cdpReplica/vms?format=Entity"],
  ["Down", "VAppCdpReplicaList", "cdpReplica/vApps?format=Entity"],
  ["Down", "BackupJobSessionList", "systemSessions?format=Entity"],
];

// List A, 9.0 era: the vendor's /logonSessions page (fixture logonsessions-reference-example).
// prettier-ignore
const LIST_A: Row[] = [
  UP, ...CORE_REFERENCE_LISTS, ...SERVICES, ...CORE_ENTITY_LISTS, CLOUD, TYPED_DELETE,
];

// List B, 9.5 and 9.5 U4: the GET /logonSessions/{ID} examples; A plus backup files and
// vCloud, and the Delete link without a Type.
// prettier-ignore
const LIST_B: Row[] = [
  UP, ...CORE_REFERENCE_LISTS, BACKUP_FILE_REFERENCES, ...SERVICES, ...CORE_ENTITY_LISTS,
  VCLOUD, BACKUP_FILE_LIST, CLOUD, UNTYPED_DELETE,
];

// List C: the current Perform Logon example; B plus external repositories, agents, vSphere
// self-service and NAS, without the Cloud Connect link. Used for v10 and v11, whose own
// lists could not be read in full.
// prettier-ignore
const LIST_C: Row[] = [
  UP, ...CORE_REFERENCE_LISTS, BACKUP_FILE_REFERENCES, EXTERNAL_REPOSITORY_REFERENCES,
  ...SERVICES, ...CORE_ENTITY_LISTS, VCLOUD, BACKUP_FILE_LIST, AGENTS, VSPHERE_SELF_SERVICE,
  EXTERNAL_REPOSITORY_LIST, NAS, UNTYPED_DELETE,
];

// The EM 12 administrator logon (fixture veeam_login_v12.json): C plus CDP, vApp replica
// points and system sessions, 68 links.
// prettier-ignore
const CAPTURED_V12: Row[] = [
  UP, ...CORE_REFERENCE_LISTS, BACKUP_FILE_REFERENCES, EXTERNAL_REPOSITORY_REFERENCES,
  ...CDP_REFERENCE_LISTS, ...SERVICES, ...CORE_ENTITY_LISTS, VCLOUD, BACKUP_FILE_LIST, AGENTS,
  VSPHERE_SELF_SERVICE, EXTERNAL_REPOSITORY_LIST, NAS, ...CDP_ENTITY_LISTS, UNTYPED_DELETE,
];

// prettier-ignore
const LIST_BY_VERSION: Record<ApiVersion, Row[]> = {
  v1: LIST_A, v1_1: LIST_A, v1_2: LIST_A,
  v1_3: LIST_B, v1_4: LIST_B,
  v1_5: LIST_C, v1_6: LIST_C,
  v1_7: CAPTURED_V12,
};

// A tenant sees only Cloud Connect (cloud_connect_tenant_credentials), in every version.
const TENANT_LIST: Row[] = [UP, CLOUD, TYPED_DELETE];

// EM documents no per-role link list. A role is given a link exactly when the vendor's role
// matrix lets it follow the link (link-access.ts, the same check that answers 403).
function visibleTo(role: Role, [rel, , path]: Row): boolean {
  return mayFollowLink({ kind: "account", role }, rel, path);
}

function basePath(path: string): string {
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

function checkApiBase(apiBase: string): void {
  if (!/^https?:\/\/[^/]+/i.test(apiBase) || !apiBase.endsWith("/api/")) {
    throw new Error(`apiBase must be an absolute URL ending in /api/, got ${apiBase}`);
  }
}

function toLink([rel, type, path, name]: Row, apiBase: string, sessionId = ""): Link {
  const href = apiBase + path.replace("{ID}", encodeURIComponent(sessionId));
  return { rel, href, name: name ?? null, type };
}

/**
 * `GET /api/`: the EnterpriseManager links and supported versions of veeam_api_v12.json.
 * The model is the same for every request on one API base: it is built once and frozen.
 */
export function entryPointModel(apiBase: string): EntryPointModel {
  const cached = entryPoints.get(apiBase);
  if (cached !== undefined) return cached;

  checkApiBase(apiBase);
  const link = (row: Row) => Object.freeze(toLink(row, apiBase));
  const create = (v: string) => link(["Create", "LogonSession", `sessionMngr/?v=${v}`]);
  const model: EntryPointModel = Object.freeze({
    links: Object.freeze([link(["Down", "LogonSessionList", "logonSessions"]), create("latest")]),
    supportedVersions: Object.freeze(
      ADVERTISED_VERSIONS.map((name) =>
        Object.freeze({ name, links: Object.freeze([create(name)]) }),
      ),
    ),
  }) as EntryPointModel;

  if (entryPoints.size >= TEMPLATE_LIMIT) entryPoints.clear();
  entryPoints.set(apiBase, model);
  return model;
}

const entryPoints = new Map<string, EntryPointModel>();

/** The links of a LogonSession. `version` must already be resolved (see resolveVersion). */
export function logonSessionLinks(opts: {
  apiBase: string;
  version: string;
  role: Role;
  kind: "account" | "tenant";
  sessionId: string;
}): Link[] {
  const { apiBase, version, role, kind, sessionId } = opts;
  checkApiBase(apiBase);
  if (!API_VERSIONS.includes(version as ApiVersion)) {
    throw new Error(`unresolved API version ${version}`);
  }
  if (kind === "account" && role === "None") {
    throw new Error("an account without a role cannot hold a logon session");
  }

  const template = linkTemplate(apiBase, version as ApiVersion, role, kind);
  return template.map((entry) => entry.shared ?? toLink(entry.row, apiBase, sessionId));
}

/** A link that is the same for every session (frozen, shared), or the row of one that is not. */
type TemplateEntry = { shared: Link; row?: undefined } | { shared?: undefined; row: Row };

// Every read of a session builds its links, and all but the Delete link are the same for
// each session with the same API base, version, role and kind: those are built once. The
// API base follows the Host header, so the cache is bounded and simply emptied when full.
const TEMPLATE_LIMIT = 64;
const templates = new Map<string, TemplateEntry[]>();

function linkTemplate(apiBase: string, version: ApiVersion, role: Role, kind: string) {
  const key = `${kind} ${role} ${version} ${apiBase}`;
  let template = templates.get(key);
  if (template !== undefined) return template;

  const list = LIST_BY_VERSION[version];
  const rows = kind === "tenant" ? TENANT_LIST : list.filter((row) => visibleTo(role, row));
  template = rows.map((row) =>
    row[2].includes("{ID}") ? { row } : { shared: Object.freeze(toLink(row, apiBase)) },
  );
  if (templates.size >= TEMPLATE_LIMIT) templates.clear();
  templates.set(key, template);
  return template;
}

/** Every resource a LogonSession links to, relative to /api/, without query or duplicates. */
export const LINKED_RESOURCE_PATHS: readonly string[] = [
  ...new Set(
    [...Object.values(LIST_BY_VERSION), TENANT_LIST]
      .flat()
      .map(([, , path]) => basePath(path))
      .filter((path) => path !== "" && path !== SESSION_PATH),
  ),
];
