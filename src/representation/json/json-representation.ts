import type {
  EntryPointModel,
  ErrorModel,
  Link,
  LogonSessionModel,
  Representation,
} from "../representation.js";
import { queryResultJson } from "./query-result-json.js";
import { hierarchyItemsJson, serviceJson } from "./services-json.js";
import { taskJson, tasksJson } from "./task-json.js";
import { jsonEntity, jsonLink, jsonNode, jsonReference } from "./json-resource.js";

// Member order and nulls follow the replies captured from EM 12 (test/fixtures/): derived
// type members first, then the base type's, every member present, null where absent.
// Output is compact and has no byte-order mark; JSON.stringify escapes lone surrogates,
// so the UTF-8 on the wire is always valid.

export const link = jsonLink;

const writtenLinks = new WeakMap<Link, string>();

// A frozen link is shared by many sessions (see link-sets.ts) and cannot change: its JSON is
// written once, and a session's body is put together around it.
function linkJson(value: Link): string {
  if (!Object.isFrozen(value)) return JSON.stringify(link(value));
  let written = writtenLinks.get(value);
  if (written === undefined) writtenLinks.set(value, (written = JSON.stringify(link(value))));
  return written;
}

function entryPoint(model: EntryPointModel) {
  const versions = model.supportedVersions.map((version) => ({
    Links: version.links.map(link),
    Name: version.name,
  }));
  return {
    SupportedVersions: { SupportedVersions: versions },
    Links: model.links.map(link),
    Href: null,
    Type: null,
  };
}

function logonSession(model: LogonSessionModel): string {
  const json = JSON.stringify;
  return (
    `{"UserName":${json(model.userName)},"SessionId":${json(model.sessionId)},` +
    `"Links":[${model.links.map(linkJson).join(",")}],` +
    `"Href":${json(model.href)},"Type":"LogonSession"}`
  );
}

// The captured Error lists its members alphabetically and keeps the unused ones as null.
function error(model: ErrorModel) {
  return {
    FirstChanceExceptionMessage: null,
    Message: model.message,
    StackTrace: null,
    Status: null,
    StatusCode: model.statusCode,
  };
}

/** JSON bodies in the PascalCase shape EM 12 sends and clients parse. */
export const jsonRepresentation: Representation = {
  name: "json",
  contentType: "application/json; charset=utf-8",
  entryPoint: (model) => JSON.stringify(entryPoint(model)),
  logonSession: (model) => logonSession(model),
  logonSessions: (models) => `{"LogonSessions":[${models.map(logonSession).join(",")}]}`,
  error: (model) => JSON.stringify(error(model)),
  queryResult: queryResultJson,
  service: serviceJson,
  hierarchyItems: hierarchyItemsJson,
  task: taskJson,
  tasks: tasksJson,
  entity: (model) => JSON.stringify(jsonEntity(model)),
  entities: (listName, models) => JSON.stringify({ [listName]: models.map(jsonEntity) }),
  reference: (model) => JSON.stringify(jsonReference(model)),
  references: (models) => JSON.stringify({ Refs: models.map(jsonReference) }),
  nodeList: (model) => JSON.stringify({ [model.jsonName]: model.items.map(jsonNode) }),
  node: (model) => JSON.stringify(jsonNode(model.node)),
};
