/**
 * What emrest knows about each kind of resource a LogonSession leads to: where its
 * collection lives, how one object is named, linked and described. The routes and the query
 * service turn objects into references and entities through these descriptions.
 */
import { uidOf } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import type { Link } from "../representation/representation.js";
import type {
  EntityModel,
  Level,
  NodeListModel,
  NodeRootModel,
  ReferenceModel,
} from "../representation/resource.js";

/** What building a representation needs: the snapshot, the `/api/` base and the clock. */
export interface ResourceContext {
  view: InventoryView;
  /** Absolute, ending in `/api/`. */
  apiBase: string;
  /** Epoch ms; sessions show their state at this time (`sessionState`). */
  now: number;
}

/** A collection's path and its entity type, enough to link to one of its objects. */
export interface KindName {
  /** Path under `/api/`, e.g. `backupServers`. */
  collection: string;
  /** Entity type and UID type, e.g. `BackupServer`; the reference type adds `Reference`. */
  entityType: string;
}

/** A sub-collection of entities, such as `backupServers/{ID}/jobs`. */
export interface EntityChild<T> {
  /** A function, so that kinds may list each other (restore points and backup files do). */
  kind: () => ResourceKind<any>;
  items(parent: T, ctx: ResourceContext): readonly unknown[];
}

/** A sub-collection of nested resources, such as `jobs/{ID}/includes`. */
export interface NodeChild<T> {
  nodes(parent: T, ctx: ResourceContext): NodeListModel;
  /** One item of it by id, where the vendor serves items (`jobs/{ID}/includes/{ID}`). */
  item?(parent: T, id: string, ctx: ResourceContext): NodeRootModel | undefined;
}

export type ChildCollection<T> = EntityChild<T> | NodeChild<T>;

export interface ResourceKind<T> extends KindName {
  /** The root element of the entity list, e.g. `BackupServers`. */
  listElement: string;
  /** Whether ids in URLs are GUIDs; a catalog VM is named by its VM name instead. */
  guidIds: boolean;
  all(ctx: ResourceContext): readonly T[];
  /** The object with this id in its URL, or undefined. */
  find(ctx: ResourceContext, id: string): T | undefined;
  /** The id in its URL and UID. */
  idOf(item: T): string;
  nameOf(item: T, ctx: ResourceContext): string;
  /** Path under `/api/` when it is not `collection/id` (catalog restore points). */
  pathOf?(item: T): string;
  refLinks(item: T, ctx: ResourceContext): Link[];
  entityLinks(item: T, ctx: ResourceContext): Link[];
  levels(item: T, ctx: ResourceContext): Level[];
  /** Sub-collections by the path segment after the id. */
  children?: Record<string, ChildCollection<T>>;
}

export function pathOf<T>(kind: ResourceKind<T>, item: T): string {
  return kind.pathOf?.(item) ?? `${kind.collection}/${encodeURIComponent(kind.idOf(item))}`;
}

export function hrefOf<T>(kind: ResourceKind<T>, item: T, ctx: ResourceContext): string {
  return ctx.apiBase + pathOf(kind, item);
}

/** A link to `apiBase + path` with no name, e.g. a Down link to a sub-collection or an action. */
export function pathLink(
  ctx: ResourceContext,
  rel: string,
  path: string,
  type: string | null,
): Link {
  return { rel, href: ctx.apiBase + path, name: null, type };
}

/** A link to another object's reference (`Type` `<X>Reference`), as Up and Related links are. */
export function refLink(
  ctx: ResourceContext,
  rel: string,
  target: KindName,
  id: string,
  name: string,
): Link {
  const href = `${ctx.apiBase}${target.collection}/${encodeURIComponent(id)}`;
  return { rel, href, name, type: `${target.entityType}Reference` };
}

/** A link to another object's entity (`Type` `<X>`, `?format=Entity`). */
export function entityLink(
  ctx: ResourceContext,
  rel: string,
  target: KindName,
  id: string,
  name: string,
): Link {
  const href = `${ctx.apiBase}${target.collection}/${encodeURIComponent(id)}?format=Entity`;
  return { rel, href, name, type: target.entityType };
}

/** A reference's `Alternate` link: to the entity. */
export function alternateToEntity<T>(kind: ResourceKind<T>, item: T, ctx: ResourceContext): Link {
  const href = `${hrefOf(kind, item, ctx)}?format=Entity`;
  return { rel: "Alternate", href, name: kind.nameOf(item, ctx), type: kind.entityType };
}

/** An entity's `Alternate` link: to the reference. */
export function alternateToRef<T>(kind: ResourceKind<T>, item: T, ctx: ResourceContext): Link {
  const type = `${kind.entityType}Reference`;
  return { rel: "Alternate", href: hrefOf(kind, item, ctx), name: kind.nameOf(item, ctx), type };
}

export function referenceModel<T>(
  kind: ResourceKind<T>,
  item: T,
  ctx: ResourceContext,
): ReferenceModel {
  return {
    type: `${kind.entityType}Reference`,
    href: hrefOf(kind, item, ctx),
    name: kind.nameOf(item, ctx),
    uid: uidOf(kind.entityType, kind.idOf(item)),
    links: kind.refLinks(item, ctx),
  };
}

export function entityModel<T>(kind: ResourceKind<T>, item: T, ctx: ResourceContext): EntityModel {
  return {
    type: kind.entityType,
    href: `${hrefOf(kind, item, ctx)}?format=Entity`,
    name: kind.nameOf(item, ctx),
    uid: uidOf(kind.entityType, kind.idOf(item)),
    links: kind.entityLinks(item, ctx),
    levels: kind.levels(item, ctx),
  };
}
