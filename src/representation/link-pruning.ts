/**
 * Models with some of their links left out: every `Links` an entity, a reference or a nested
 * resource carries, at any depth. A part with nothing left out is returned as it was, so
 * pruning allocates only where a link goes.
 */
import type { Link } from "./representation.js";
import type {
  EntityModel,
  Field,
  FieldValue,
  Level,
  NodeModel,
  NodeResource,
  ReferenceModel,
} from "./resource.js";

/** Whether a link stays in the reply. */
export type LinkFilter = (link: Link) => boolean;

/** The links that stay, or the same array when every one does. */
export function pruneLinks<L extends readonly Link[]>(links: L, keep: LinkFilter): L {
  const kept = links.filter(keep);
  return (kept.length === links.length ? links : kept) as L;
}

export function pruneReference(model: ReferenceModel, keep: LinkFilter): ReferenceModel {
  const links = pruneLinks(model.links, keep);
  return links === model.links ? model : { ...model, links };
}

export function pruneEntity(model: EntityModel, keep: LinkFilter): EntityModel {
  const links = pruneLinks(model.links, keep);
  const levels = sameOrNew(model.levels, (level) => pruneLevel(level, keep));
  return links === model.links && levels === model.levels ? model : { ...model, links, levels };
}

export function pruneNode(node: NodeModel, keep: LinkFilter): NodeModel {
  const elements = pruneFields(node.elements, keep);
  const resource = node.resource && pruneResource(node.resource, keep);
  if (elements === node.elements && resource === node.resource) return node;
  return { ...node, elements, resource };
}

// `null` links are the vendor's `"Links":null`: there is nothing to leave out.
function pruneResource(resource: NodeResource, keep: LinkFilter): NodeResource {
  if (resource.links === null) return resource;
  const links = pruneLinks(resource.links, keep);
  return links === resource.links ? resource : { ...resource, links };
}

function pruneLevel(level: Level, keep: LinkFilter): Level {
  const elements = pruneFields(level.elements, keep);
  return elements === level.elements ? level : { ...level, elements };
}

function pruneFields(fields: readonly Field[], keep: LinkFilter): readonly Field[] {
  return sameOrNew(fields, (field) => {
    const value = pruneValue(field[1], keep);
    return value === field[1] ? field : [field[0], value];
  });
}

// Only nested objects and lists of them can hold links; scalars pass as they are.
function pruneValue(value: FieldValue, keep: LinkFilter): FieldValue {
  if (value === null || typeof value !== "object" || value.kind === "repeated") return value;
  if (value.kind === "object") {
    const node = pruneNode(value.node, keep);
    return node === value.node ? value : { ...value, node };
  }
  const items = sameOrNew(value.items, (item) => pruneNode(item, keep));
  return items === value.items ? value : { ...value, items };
}

/** `items.map(change)`, or `items` itself when `change` returned every item unchanged. */
export function sameOrNew<T>(items: readonly T[], change: (item: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const changed = change(items[i]!);
    if (out === undefined && changed !== items[i]) out = items.slice(0, i);
    out?.push(changed);
  }
  return out ?? items;
}
