/**
 * Entities and references as the EM 12 JSON replies carry them (fixtures
 * `backup_servers_metrics_v12.json`, `veeam_repositories_overview_metrics_v12.json`, …): the
 * most derived type's members first, every member present and `null` where absent, then
 * `Name, UID, Links, Href, Type`. These return plain objects in that key order, so the query
 * service can put them inside its `QueryResult`; `JSON.stringify` keeps the order. EM 13
 * writes the same members in camelCase: `jsonResourceWriter` spells them either way.
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
import { spellingOf, type JsonCasing, type Spell } from "./json-casing.js";

type Json = Record<string, unknown>;

/** The writers of one casing; the PascalCase ones are also exported below under their names. */
export interface JsonResourceWriter {
  /** `{Rel, Href, Name, Type}`, all four present as in the captured replies. */
  link(value: Link): Json;
  /** A nested complex element: its elements and attributes, then `Links, Href, Type` if a resource. */
  node(node: NodeModel): Json;
  /** One entity: own members (derived type first), then `Name, UID, Links, Href, Type`. */
  entity(model: EntityModel): Json;
  /**
   * One reference: `Links, UID, Name, Href, Type`. The XSD's EntityReferenceType has the
   * `Links` element and then the attributes UID, Name, Href, Type; the JSON example on the
   * vendor's resource_representation_for_ke page writes them in exactly that order.
   */
  reference(model: ReferenceModel): Json;
}

const pascalLink = (value: Link): Json => ({
  Rel: value.rel,
  Href: value.href,
  Name: value.name,
  Type: value.type,
});

// The model's own names are EM 13's: a link is written as the literal object it is.
const camelLink = (value: Link): Json => ({
  rel: value.rel,
  href: value.href,
  name: value.name,
  type: value.type,
});

function resourceWriter(spell: Spell, link: (value: Link) => Json): JsonResourceWriter {
  const [name, uid, links, href, type] = ["Name", "UID", "Links", "Href", "Type"].map(spell);

  const value = (field: FieldValue): unknown => {
    if (field === null || typeof field !== "object") return field;
    if (field.kind === "repeated") return [...field.values];
    if (field.kind === "object") return node(field.node);
    return { [spell(field.jsonName)]: field.items.map(node) };
  };

  const putLevel = (
    out: Json,
    level: { elements: readonly Field[]; attributes?: Level["attributes"] },
  ) => {
    for (const [member, field] of level.elements) out[spell(member)] = value(field);
    for (const [member, scalar] of level.attributes ?? []) out[spell(member)] = scalar;
  };

  const node = (model: NodeModel): Json => {
    const out: Json = {};
    putLevel(out, model);
    if (model.resource !== undefined) {
      out[links] = model.resource.links === null ? null : model.resource.links.map(link);
      out[href] = model.resource.href;
      out[type] = model.resource.type;
    }
    return out;
  };

  const entity = (model: EntityModel): Json => {
    const out: Json = {};
    for (let i = model.levels.length - 1; i >= 0; i--) putLevel(out, model.levels[i]!);
    out[name] = model.name;
    out[uid] = model.uid;
    out[links] = model.links.map(link);
    out[href] = model.href;
    out[type] = model.type;
    return out;
  };

  const reference = (model: ReferenceModel): Json => ({
    [links]: model.links.map(link),
    [uid]: model.uid,
    [name]: model.name,
    [href]: model.href,
    [type]: model.type,
  });

  return { link, node, entity, reference };
}

const WRITERS: Record<JsonCasing, JsonResourceWriter> = {
  pascal: resourceWriter(spellingOf("pascal"), pascalLink),
  camel: resourceWriter(spellingOf("camel"), camelLink),
};

/** The entity and reference writers of a casing. */
export function jsonResourceWriter(casing: JsonCasing): JsonResourceWriter {
  return WRITERS[casing];
}

export const {
  link: jsonLink,
  node: jsonNode,
  entity: jsonEntity,
  reference: jsonReference,
} = WRITERS.pascal;
