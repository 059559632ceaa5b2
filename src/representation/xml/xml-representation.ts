import type {
  EntryPointModel,
  Link,
  LogonSessionModel,
  Representation,
} from "../representation.js";
import {
  XML_DECLARATION,
  element,
  emptyElement,
  textElement,
  type Attributes,
} from "./xml-writer.js";
import { queryResultXml } from "./query-result-xml.js";
import { hierarchyItemsXml, serviceXml } from "./services-xml.js";
import { taskXml, tasksXml } from "./task-xml.js";
import { xmlEntity, xmlNode, xmlReference } from "./xml-resource.js";

const VEEAM_NS = "http://www.veeam.com/ent/v1.0";
const XSD_NS = "http://www.w3.org/2001/XMLSchema";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

// The order of the current docs' EnterpriseManager example (http_authentication).
export const NAMESPACES: Attributes = [
  ["xmlns:xsd", XSD_NS],
  ["xmlns:xsi", XSI_NS],
  ["xmlns", VEEAM_NS],
];

// A captured Error reply declares the default namespace first (spec section 5).
const ERROR_NAMESPACES: Attributes = [
  ["xmlns", VEEAM_NS],
  ["xmlns:xsd", XSD_NS],
  ["xmlns:xsi", XSI_NS],
];

export function document(root: string): string {
  return `${XML_DECLARATION}\n${root}`;
}

// Href, Name, Type, Rel: the order of the current (13.x) reference pages, which is the
// XSD's (ReferenceType's Href, Name, Type, then LinkType's Rel). Absent Name/Type are left out.
function link(value: Link): string {
  // A frozen link is shared by many sessions (see link-sets.ts) and cannot change: it is
  // written once.
  if (!Object.isFrozen(value)) return writeLink(value);
  let written = writtenLinks.get(value);
  if (written === undefined) writtenLinks.set(value, (written = writeLink(value)));
  return written;
}

const writtenLinks = new WeakMap<Link, string>();

function writeLink(value: Link): string {
  return emptyElement("Link", [
    ["Href", value.href],
    ["Name", value.name],
    ["Type", value.type],
    ["Rel", value.rel],
  ]);
}

export function links(values: Link[]): string {
  return element("Links", [], values.map(link).join(""));
}

function supportedVersions(model: EntryPointModel): string {
  const versions = model.supportedVersions.map((version) =>
    element("SupportedVersion", [["Name", version.name]], links(version.links)),
  );
  return element("SupportedVersions", [], versions.join(""));
}

// XSD LogonSessionType: ResourceType's Href and Type, then Links, UserName, SessionId.
function logonSession(model: LogonSessionModel, namespaces: Attributes): string {
  const attributes: Attributes = [["Href", model.href], ["Type", "LogonSession"], ...namespaces];
  const content =
    links(model.links) +
    textElement("UserName", model.userName) +
    textElement("SessionId", model.sessionId);
  return element("LogonSession", attributes, content);
}

/** XML bodies as Enterprise Manager writes them: namespaced root, vendor element order. */
export const xmlRepresentation: Representation = {
  name: "xml",
  contentType: "application/xml; charset=utf-8",

  entryPoint(model) {
    const content = links(model.links) + supportedVersions(model);
    return document(element("EnterpriseManager", NAMESPACES, content));
  },

  logonSession(model) {
    return document(logonSession(model, NAMESPACES));
  },

  logonSessions(models) {
    const content = models.map((model) => logonSession(model, [])).join("");
    return document(element("LogonSessions", NAMESPACES, content));
  },

  // The capture carries Message and StatusCode only; the XSD's Status was absent.
  error(model) {
    const attributes: Attributes = [
      ["Message", model.message],
      ["StatusCode", String(model.statusCode)],
      ...ERROR_NAMESPACES,
    ];
    return document(emptyElement("Error", attributes));
  },

  queryResult: queryResultXml,
  service: serviceXml,
  hierarchyItems: hierarchyItemsXml,
  task: taskXml,
  tasks: tasksXml,
  entity: (model) => document(xmlEntity(model, NAMESPACES)),

  entities(listName, models) {
    return document(element(listName, NAMESPACES, models.map((m) => xmlEntity(m)).join("")));
  },

  reference: (model) => document(xmlReference(model, "EntityRef", NAMESPACES)),

  references(models) {
    const content = models.map((m) => xmlReference(m)).join("");
    return document(element("EntityReferences", NAMESPACES, content));
  },

  nodeList(model) {
    const content = model.items.map((item) => xmlNode(model.itemElement, item)).join("");
    return document(element(model.rootElement, NAMESPACES, content));
  },

  node: (model) => document(xmlNode(model.element, model.node, NAMESPACES)),
};
