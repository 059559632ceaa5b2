import type {
  EntryPointModel,
  ErrorModel,
  Link,
  LogonSessionModel,
  Representation,
} from "../representation.js";
import { spellingOf, type JsonCasing, type Spell } from "./json-casing.js";
import { queryResultWriter } from "./query-result-json.js";
import { servicesWriter } from "./services-json.js";
import { taskWriter } from "./task-json.js";
import { jsonLink, jsonResourceWriter, type JsonResourceWriter } from "./json-resource.js";

// Member order and nulls follow the replies captured from EM 12 (test/fixtures/): derived
// type members first, then the base type's, every member present, null where absent.
// Output is compact and has no byte-order mark; JSON.stringify escapes lone surrogates,
// so the UTF-8 on the wire is always valid. EM 13 sends the same members in camelCase; each
// casing has its own writer, built once, with its names spelled when it is built.

export const link = jsonLink;

// A frozen link is shared by many sessions (see link-sets.ts) and cannot change: its JSON is
// written once per casing, and a session's body is put together around it.
function linkWriter(link: JsonResourceWriter["link"]): (value: Link) => string {
  const written = new WeakMap<Link, string>();
  return (value) => {
    if (!Object.isFrozen(value)) return JSON.stringify(link(value));
    let json = written.get(value);
    if (json === undefined) written.set(value, (json = JSON.stringify(link(value))));
    return json;
  };
}

function entryPointWriter(spell: Spell, link: JsonResourceWriter["link"]) {
  const [versionsKey, links, name, href, type] = [
    "SupportedVersions",
    "Links",
    "Name",
    "Href",
    "Type",
  ].map(spell);
  return (model: EntryPointModel) => {
    const versions = model.supportedVersions.map((version) => ({
      [links]: version.links.map(link),
      [name]: version.name,
    }));
    return JSON.stringify({
      [versionsKey]: { [versionsKey]: versions },
      [links]: model.links.map(link),
      [href]: null,
      [type]: null,
    });
  };
}

function logonSessionWriter(spell: Spell, linkJson: (value: Link) => string) {
  const [user, id, links, href, type] = ["UserName", "SessionId", "Links", "Href", "Type"].map(
    (name) => JSON.stringify(spell(name)),
  );
  const json = JSON.stringify;
  return (model: LogonSessionModel): string =>
    `{${user}:${json(model.userName)},${id}:${json(model.sessionId)},` +
    `${links}:[${model.links.map(linkJson).join(",")}],` +
    `${href}:${json(model.href)},${type}:"LogonSession"}`;
}

// The captured Error lists its members alphabetically and keeps the unused ones as null.
function errorWriter(spell: Spell) {
  const [first, message, stack, status, statusCode] = [
    "FirstChanceExceptionMessage",
    "Message",
    "StackTrace",
    "Status",
    "StatusCode",
  ].map(spell);
  return (model: ErrorModel) =>
    JSON.stringify({
      [first]: null,
      [message]: model.message,
      [stack]: null,
      [status]: null,
      [statusCode]: model.statusCode,
    });
}

function jsonWriter(casing: JsonCasing): Representation {
  const spell = spellingOf(casing);
  const resources = jsonResourceWriter(casing);
  const logonSession = logonSessionWriter(spell, linkWriter(resources.link));
  const sessionsKey = JSON.stringify(spell("LogonSessions"));
  const services = servicesWriter(spell, resources.link);
  const tasks = taskWriter(spell, resources.link);
  const refs = spell("Refs");

  return {
    name: "json",
    contentType: "application/json; charset=utf-8",
    entryPoint: entryPointWriter(spell, resources.link),
    logonSession,
    logonSessions: (models) => `{${sessionsKey}:[${models.map(logonSession).join(",")}]}`,
    error: errorWriter(spell),
    queryResult: queryResultWriter(spell),
    service: services.service,
    hierarchyItems: services.hierarchyItems,
    task: tasks.task,
    tasks: tasks.tasks,
    entity: (model) => JSON.stringify(resources.entity(model)),
    entities: (listName, models) =>
      JSON.stringify({ [spell(listName)]: models.map(resources.entity) }),
    reference: (model) => JSON.stringify(resources.reference(model)),
    references: (models) => JSON.stringify({ [refs]: models.map(resources.reference) }),
    nodeList: (model) =>
      JSON.stringify({ [spell(model.jsonName)]: model.items.map(resources.node) }),
    node: (model) => JSON.stringify(resources.node(model.node)),
  };
}

/** JSON bodies in the PascalCase shape EM 12 sends and clients parse. */
export const jsonRepresentation: Representation = jsonWriter("pascal");

/** The same bodies with every member spelled as EM 13 spells it. */
export const camelJsonRepresentation: Representation = jsonWriter("camel");

/** The JSON representation of a casing (`emrest serve --json-casing`). */
export function jsonRepresentationFor(casing: JsonCasing): Representation {
  return casing === "camel" ? camelJsonRepresentation : jsonRepresentation;
}
