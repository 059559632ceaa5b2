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
import { NAMESPACES, VEEAM_NS, XSD_NS, XSI_NS } from "./xml-namespaces.js";
import { xmlEntity, xmlLinks, xmlNode, xmlReference } from "./xml-resource.js";

// A captured Error reply declares the default namespace first (spec section 5).
const ERROR_NAMESPACES: Attributes = [
  ["xmlns", VEEAM_NS],
  ["xmlns:xsd", XSD_NS],
  ["xmlns:xsi", XSI_NS],
];

export function document(root: string): string {
  return `${XML_DECLARATION}\n${root}`;
}

export function links(values: Link[]): string {
  return xmlLinks(values);
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
