/**
 * Entities and references as EM's XML: an entity's root attributes are `Href Type Name UID`
 * (ResourceType's, then EntityType's) and its own attributes, then `<Links>` and its own
 * elements base type first; a reference is `Ref`/`EntityRef` with `UID Name Href Type` and
 * `<Links>` (XSD EntityReferenceType). These write elements without namespaces; the caller
 * adds them on the document's root.
 */
import type { Link } from "../representation.js";
import type {
  AttributeField,
  EntityModel,
  Field,
  FieldValue,
  NodeModel,
  ReferenceModel,
  Scalar,
} from "../resource.js";
import { element, emptyElement, escapeText, type Attributes } from "./xml-writer.js";

function scalarText(value: Exclude<Scalar, null>): string {
  return typeof value === "string" ? escapeText(value) : String(value);
}

function attributeText(value: Scalar): string | null {
  return value === null ? null : String(value);
}

// Href, Name, Type, Rel: the order of the current (13.x) reference pages, which is the
// XSD's (ReferenceType's Href, Name, Type, then LinkType's Rel). Absent Name/Type are left out.
export function xmlLink(value: Link): string {
  // A frozen link is shared by many replies (see link-sets.ts) and cannot change: it is
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

export function xmlLinks(values: readonly Link[]): string {
  return element("Links", [], values.map(xmlLink).join(""));
}

function fieldXml(name: string, value: FieldValue): string {
  if (value === null) return "";
  if (typeof value !== "object") {
    const text = scalarText(value);
    return text === "" ? emptyElement(name) : `<${name}>${text}</${name}>`;
  }
  if (value.kind === "repeated") return value.values.map((v) => fieldXml(name, v)).join("");
  if (value.kind === "object") return xmlNode(name, value.node);
  return element(name, [], value.items.map((item) => xmlNode(value.itemElement, item)).join(""));
}

function fieldsXml(fields: readonly Field[]): string {
  let out = "";
  for (const [name, value] of fields) out += fieldXml(name, value);
  return out;
}

function ownAttributes(fields: readonly AttributeField[] | undefined): Attributes {
  return (fields ?? []).map(([name, value]) => [name, attributeText(value)] as const);
}

/** A nested complex element; a resource node carries `Href Type` and its `<Links>`. */
export function xmlNode(name: string, node: NodeModel, namespaces: Attributes = []): string {
  const resource = node.resource;
  const attributes: Attributes = [
    ...(resource
      ? ([
          ["Href", resource.href],
          ["Type", resource.type],
        ] as const)
      : []),
    ...ownAttributes(node.attributes),
    ...namespaces,
  ];
  const links = resource?.links ? xmlLinks(resource.links) : "";
  return element(name, attributes, links + fieldsXml(node.elements));
}

/** One entity element, e.g. `<BackupServer Href=… Type=… Name=… UID=…>`. */
export function xmlEntity(model: EntityModel, namespaces: Attributes = []): string {
  const attributes: Attributes = [
    ["Href", model.href],
    ["Type", model.type],
    ["Name", model.name],
    ["UID", model.uid],
    ...model.levels.flatMap((level) => ownAttributes(level.attributes)),
    ...namespaces,
  ];
  let content = xmlLinks(model.links);
  for (const level of model.levels) content += fieldsXml(level.elements);
  return element(model.type, attributes, content);
}

/** One reference: `<Ref …>` inside `EntityReferences`, `<EntityRef …>` at the root. */
export function xmlReference(
  model: ReferenceModel,
  name: "Ref" | "EntityRef" = "Ref",
  namespaces: Attributes = [],
): string {
  const attributes: Attributes = [
    ["UID", model.uid],
    ["Name", model.name],
    ["Href", model.href],
    ["Type", model.type],
    ...namespaces,
  ];
  return element(name, attributes, xmlLinks(model.links));
}
