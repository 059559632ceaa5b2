/**
 * The generic model of EM's entities and references, one model written both as XML and as
 * JSON. Handlers and the query service build these; `xml/xml-resource.ts` and
 * `json/json-resource.ts` write them.
 *
 * Member order follows the vendor's schema (RestAPI.xsd): XML writes a type's base members
 * first and its own after them, while the captured JSON replies (EM 12) write the most derived
 * type's members first. So an entity's own members come in levels, base first, and each
 * writer walks them in its own order.
 */
import type { Link } from "./representation.js";

/** A simple value: `null` is left out of XML and written as `null` in JSON. */
export type Scalar = string | number | boolean | null;

/** A repeated simple element: `<Days>Sunday</Days><Days>Monday</Days>` / `"Days":["Sunday",…]`. */
export interface Repeated {
  kind: "repeated";
  values: readonly string[];
}

/** A nested complex element, such as `JobScheduleOptions` or one `ObjectInJob`. */
export interface NestedObject {
  kind: "object";
  node: NodeModel;
}

/**
 * A list element holding items: `<Includes><ObjectInJob/>…</Includes>` in XML and
 * `"Includes":{"ObjectInJobs":[…]}` in JSON, the one array named by `jsonName`.
 */
export interface ItemList {
  kind: "list";
  itemElement: string;
  jsonName: string;
  items: readonly NodeModel[];
}

export type FieldValue = Scalar | Repeated | NestedObject | ItemList;

/** One element (or attribute, where only scalars are allowed) and its value. */
export type Field = readonly [name: string, value: FieldValue];
export type AttributeField = readonly [name: string, value: Scalar];

/** The members one schema type adds: its elements, then its attributes (JSON order). */
export interface Level {
  elements: readonly Field[];
  attributes?: readonly AttributeField[];
}

/** The `ResourceType` part of a nested node: XML attributes Href and Type, JSON at the end. */
export interface NodeResource {
  href: string;
  type: string;
  /** `null` where the vendor writes `"Links":null` and no `<Links>` element. */
  links: readonly Link[] | null;
}

/** A complex element below the root. */
export interface NodeModel {
  elements: readonly Field[];
  attributes?: readonly AttributeField[];
  resource?: NodeResource;
}

/** An entity (XSD `EntityType`), such as a `BackupServer`. */
export interface EntityModel {
  /** Root element name and `Type`, e.g. `BackupServer`. */
  type: string;
  href: string;
  name: string;
  uid: string;
  links: readonly Link[];
  /** Own members, base type first (e.g. JobSession, then BackupJobSession's `IsRetry`). */
  levels: readonly Level[];
}

/** An entity reference (XSD `EntityReferenceType`): `Ref` in lists, `EntityRef` at the root. */
export interface ReferenceModel {
  /** e.g. `BackupServerReference`. */
  type: string;
  href: string;
  name: string;
  uid: string;
  links: readonly Link[];
}

/** A root list of nested resources, such as `ObjectsInJob` or an empty `VmRestorePointMounts`. */
export interface NodeListModel {
  /** The XML root element, e.g. `ObjectsInJob`. */
  rootElement: string;
  itemElement: string;
  /** The JSON member holding the array, e.g. `ObjectInJobs`. */
  jsonName: string;
  items: readonly NodeModel[];
}

/** A root holding one nested resource, such as one `ObjectInJob`. */
export interface NodeRootModel {
  element: string;
  node: NodeModel;
}

export function repeated(values: readonly string[]): Repeated {
  return { kind: "repeated", values };
}

export function nested(node: NodeModel): NestedObject {
  return { kind: "object", node };
}

export function itemList(
  itemElement: string,
  jsonName: string,
  items: readonly NodeModel[],
): ItemList {
  return { kind: "list", itemElement, jsonName, items };
}
