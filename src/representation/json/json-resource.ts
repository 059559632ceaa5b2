/**
 * Entities and references as the EM 12 JSON replies carry them (fixtures
 * `backup_servers_metrics_v12.json`, `veeam_repositories_overview_metrics_v12.json`, …): the
 * most derived type's members first, every member present and `null` where absent, then
 * `Name, UID, Links, Href, Type`. These return plain objects in that key order, so the query
 * service can put them inside its `QueryResult`; `JSON.stringify` keeps the order.
 */
import type {
  EntityModel,
  Field,
  FieldValue,
  Level,
  NodeModel,
  ReferenceModel,
} from "../resource.js";
import type { Link } from "../representation.js";

type Json = Record<string, unknown>;

/** `{Rel, Href, Name, Type}`, all four present as in the captured replies. */
export function jsonLink(value: Link): Json {
  return { Rel: value.rel, Href: value.href, Name: value.name, Type: value.type };
}

function jsonValue(value: FieldValue): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value.kind === "repeated") return [...value.values];
  if (value.kind === "object") return jsonNode(value.node);
  return { [value.jsonName]: value.items.map(jsonNode) };
}

function putLevel(
  out: Json,
  level: { elements: readonly Field[]; attributes?: Level["attributes"] },
) {
  for (const [name, value] of level.elements) out[name] = jsonValue(value);
  for (const [name, value] of level.attributes ?? []) out[name] = value;
}

/** A nested complex element: its elements and attributes, then `Links, Href, Type` if a resource. */
export function jsonNode(node: NodeModel): Json {
  const out: Json = {};
  putLevel(out, node);
  if (node.resource !== undefined) {
    out.Links = node.resource.links === null ? null : node.resource.links.map(jsonLink);
    out.Href = node.resource.href;
    out.Type = node.resource.type;
  }
  return out;
}

/** One entity: own members (derived type first), then `Name, UID, Links, Href, Type`. */
export function jsonEntity(model: EntityModel): Json {
  const out: Json = {};
  for (let i = model.levels.length - 1; i >= 0; i--) putLevel(out, model.levels[i]!);
  out.Name = model.name;
  out.UID = model.uid;
  out.Links = model.links.map(jsonLink);
  out.Href = model.href;
  out.Type = model.type;
  return out;
}

/**
 * One reference: `Links, UID, Name, Href, Type`. The XSD's EntityReferenceType has the
 * `Links` element and then the attributes UID, Name, Href, Type; the JSON example on the
 * vendor's resource_representation_for_ke page writes them in exactly that order.
 */
export function jsonReference(model: ReferenceModel): Json {
  return {
    Links: model.links.map(jsonLink),
    UID: model.uid,
    Name: model.name,
    Href: model.href,
    Type: model.type,
  };
}
