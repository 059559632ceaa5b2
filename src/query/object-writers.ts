import type { JsonCasing } from "../representation/json/json-casing.js";
import { jsonResourceWriter } from "../representation/json/json-resource.js";
import { pruneEntity, pruneReference, type LinkFilter } from "../representation/link-pruning.js";
import type { EntityModel, ReferenceModel } from "../representation/resource.js";
import { xmlEntity, xmlReference } from "../representation/xml/xml-resource.js";
import { entityModels, kindOfType, referenceModels } from "../resources/kinds.js";
import type { ResourceKind } from "../resources/resource-kind.js";
import type { ObjectWriter } from "./answer-query.js";
import type { QueryType } from "./query-type.js";

/**
 * The writers of a query's objects, one per representation. A query's objects are the
 * objects of a resource kind, written by the same models as its collection: an entity in a
 * page is the entity `GET {collection}/{ID}?format=Entity` answers, and a reference the `Ref`
 * its collection lists (vendor's format page: references by default, or entities). JSON
 * objects are spelled in `casing`, and carry only the links `keep` lets through, when given
 * (the caller's role, see link-filter.ts).
 */
export function objectWriterFor(
  representation: "xml" | "json",
  casing: JsonCasing = "pascal",
  keep?: LinkFilter,
): ObjectWriter {
  const write = representation === "json" ? JSON_WRITERS[casing] : XML_WRITER;
  const reference = keep
    ? (m: ReferenceModel) => write.reference(pruneReference(m, keep))
    : write.reference;
  const entity = keep ? (m: EntityModel) => write.entity(pruneEntity(m, keep)) : write.entity;
  return (type, format, items, context) => {
    const kind = kindOfQueryType(type);
    const ctx = { view: context.view, apiBase: context.apiBase, now: context.now };
    return format === "Refs"
      ? referenceModels(kind, items, ctx).map(reference)
      : entityModels(kind, items, ctx).map(entity);
  };
}

interface ItemWriter {
  reference(model: ReferenceModel): string;
  entity(model: EntityModel): string;
}

// In XML the namespaces go on QueryResult, so an object carries none of its own.
const XML_WRITER: ItemWriter = {
  reference: (model) => xmlReference(model),
  entity: (model) => xmlEntity(model),
};

function jsonWriter(casing: JsonCasing): ItemWriter {
  const { reference, entity } = jsonResourceWriter(casing);
  return {
    reference: (model) => JSON.stringify(reference(model)),
    entity: (model) => JSON.stringify(entity(model)),
  };
}

const JSON_WRITERS: Record<JsonCasing, ItemWriter> = {
  pascal: jsonWriter("pascal"),
  camel: jsonWriter("camel"),
};

/**
 * The resource kind whose objects a query type lists: its entity type is the query type's
 * name (`vAppRestorePoint` is `VAppRestorePoint`). Every served type has one; a test keeps
 * the two lists in step.
 */
export function kindOfQueryType(type: QueryType<unknown>): ResourceKind<unknown> {
  const kind = kindOfType(type.name);
  if (kind === undefined) throw new Error(`No resource kind writes ${type.name} objects.`);
  return kind;
}
