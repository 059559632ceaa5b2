/**
 * What the API sends, independent of XML or JSON. Handlers build these models; a
 * `Representation` writes them. `xml/` and `json/` each hold one implementation, and both
 * pass `test/representation/contract.ts`.
 */
import type { HierarchyItem } from "../lookup/lookup.js";
import type { QueryResultModel } from "../query/query-result.js";

import type { EntityModel, NodeListModel, NodeRootModel, ReferenceModel } from "./resource.js";

/** One `Link`. `name` and `type` are null where the vendor leaves them out. */
export interface Link {
  rel: string;
  href: string;
  name: string | null;
  type: string | null;
}

/** `GET /api/`: the `EnterpriseManager` entry point. */
export interface EntryPointModel {
  links: Link[];
  supportedVersions: { name: string; links: Link[] }[];
}

/** One `LogonSession`. */
export interface LogonSessionModel {
  href: string;
  links: Link[];
  userName: string;
  sessionId: string;
}

/** One `Task`: an asynchronous operation and how it went (XSD TaskType, spec §9). */
export interface TaskModel {
  href: string;
  links: Link[];
  taskId: string;
  /** `Running` or `Finished`. */
  state: string;
  operation: string;
  /** Null while the task runs. */
  result: { success: boolean; message: string } | null;
}

/** The API's `Error` body. */
export interface ErrorModel {
  message: string;
  statusCode: number;
}

export interface Representation {
  /** `xml` or `json`, for writers kept beside the representation (query objects). */
  readonly name: "xml" | "json";
  /** The full Content-Type header value, e.g. `application/xml; charset=utf-8`. */
  readonly contentType: string;
  entryPoint(model: EntryPointModel): string;
  /** A `LogonSession` at the root of a reply. */
  logonSession(model: LogonSessionModel): string;
  /** `LogonSessions`, a list of them. */
  logonSessions(models: LogonSessionModel[]): string;
  error(model: ErrorModel): string;
  /** `QueryResult` of the query service, its objects already written. */
  queryResult(model: QueryResultModel): string;
  /** `QuerySvc` or `LookupSvc`: a service resource with links only. */
  service(root: "QuerySvc" | "LookupSvc", href: string, links: Link[]): string;
  /** `HierarchyItems`, what a lookup finds. */
  hierarchyItems(items: HierarchyItem[]): string;
  /** A `Task` at the root of a reply. */
  task(model: TaskModel): string;
  /** `Tasks`, the caller's tasks. */
  tasks(models: TaskModel[]): string;
  /** One entity at the root, e.g. `GET /backupServers/{ID}?format=Entity`. */
  entity(model: EntityModel): string;
  /** A list of entities: `<BackupServers>` / `{"BackupServers":[…]}`. */
  entities(listName: string, models: readonly EntityModel[]): string;
  /** One reference at the root: `EntityRef`. */
  reference(model: ReferenceModel): string;
  /** `EntityReferences` / `{"Refs":[…]}`. */
  references(models: readonly ReferenceModel[]): string;
  /** A list of nested resources at the root, such as `ObjectsInJob`. */
  nodeList(model: NodeListModel): string;
  /** One nested resource at the root, such as one `ObjectInJob`. */
  node(model: NodeRootModel): string;
}
