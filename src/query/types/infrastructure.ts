import type {
  BackupServer,
  ExternalRepository,
  FailoverPlan,
  HierarchyRoot,
  ManagedServer,
  Repository,
  WanAccelerator,
} from "../../inventory/model.js";
import type { QueryType } from "../query-type.js";
import { serverOf } from "../relations.js";
import { backupServer, number, ownUid, text } from "./common.js";

// Properties as listed by the vendor's get_query_<type> pages ("Optional Parameters").

type Owned = { backupServerId: string };
const ownServer = <T extends Owned>() =>
  backupServer<T>((item, view) => serverOf(view, item.backupServerId));

export const BACKUP_SERVER: QueryType<BackupServer> = {
  name: "BackupServer",
  entities: "BackupServers",
  items: (view) => view.all("backupServers"),
  properties: [
    ownUid("BackupServer"),
    text("Name", (server) => server.name),
    text("Description", (server) => server.description),
    // The name EM was given the server by: ours are added by name.
    text("IpOrDnsName", (server) => server.name),
    number("Port", (server) => server.port),
    text("Version", (server) => server.version),
  ],
};

export const MANAGED_SERVER: QueryType<ManagedServer> = {
  name: "ManagedServer",
  entities: "ManagedServers",
  items: (view) => view.all("managedServers"),
  properties: [
    ownUid("ManagedServer"),
    text("Name", (server) => server.name),
    text("Description", (server) => server.description),
    text("ManagedServerType", (server) => server.managedServerType),
  ],
};

export const HIERARCHY_ROOT: QueryType<HierarchyRoot> = {
  name: "HierarchyRoot",
  entities: "HierarchyRoots",
  items: (view) => view.all("hierarchyRoots"),
  properties: [
    ownUid("HierarchyRoot"),
    text("Name", (root) => root.name),
    text("UniqueId", (root) => root.uniqueId),
    text("HostType", (root) => root.hostType),
    ...ownServer<HierarchyRoot>(),
  ],
};

export const REPOSITORY: QueryType<Repository> = {
  name: "Repository",
  entities: "Repositories",
  items: (view) => view.all("repositories"),
  properties: [
    ownUid("Repository"),
    text("Name", (repository) => repository.name),
    number("FreeSpace", (repository) => repository.freeSpace),
    number("Capacity", (repository) => repository.capacity),
    ...ownServer<Repository>(),
  ],
};

// Not on the query_type page, but /querySvc links a query of it and QueryResult has its member.
export const EXTERNAL_REPOSITORY: QueryType<ExternalRepository> = {
  name: "ExternalRepository",
  entities: "ExternalRepositories",
  items: (view) => view.all("externalRepositories"),
  properties: [
    ownUid("ExternalRepository"),
    text("Name", (repository) => repository.name),
    ...ownServer<ExternalRepository>(),
  ],
};

// HighBandwidthModeEnabled is left out: the inventory does not model it.
export const WAN_ACCELERATOR: QueryType<WanAccelerator> = {
  name: "WanAccelerator",
  entities: "WanAccelerators",
  items: (view) => view.all("wanAccelerators"),
  properties: [
    ownUid("WanAccelerator"),
    text("Name", (accelerator) => accelerator.name),
    number("Capacity", (accelerator) => accelerator.capacity),
    number("ConnectionsCount", (accelerator) => accelerator.connectionsCount),
    ...ownServer<WanAccelerator>(),
  ],
};

export const FAILOVER_PLAN: QueryType<FailoverPlan> = {
  name: "FailoverPlan",
  entities: "FailoverPlans",
  items: (view) => view.all("failoverPlans"),
  properties: [
    ownUid("FailoverPlan"),
    text("Name", (plan) => plan.name),
    text("Description", (plan) => plan.description),
    ...ownServer<FailoverPlan>(),
  ],
};
