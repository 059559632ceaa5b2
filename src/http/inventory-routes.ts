/**
 * The routes of the inventory resources: for each collection, the collection, one object,
 * and where the object has sub-collections, those and their items. Only GET (and HEAD) is
 * served; other methods are the actions and edits emrest does not serve yet (501).
 */
import { RESOURCE_KINDS } from "../resources/kinds.js";
import type { ResourceKind } from "../resources/resource-kind.js";
import {
  childItemHandler,
  childListHandler,
  itemHandler,
  listHandler,
} from "./handlers/inventory.js";
import { notServed } from "./handlers/not-served.js";
import { anyMethod, type Handler, type Route } from "./route.js";

/** Collections served from the inventory, as paths under `/api/`. */
export const SERVED_COLLECTIONS: ReadonlySet<string> = new Set(
  RESOURCE_KINDS.map((kind) => kind.collection),
);

function readOnly(url: string, handler: Handler): Route {
  return { url, authenticated: true, methods: { ...anyMethod(notServed), GET: handler } };
}

function routesOf(kind: ResourceKind<unknown>): Route[] {
  const base = `/api/${kind.collection}`;
  const routes = [readOnly(base, listHandler(kind)), readOnly(`${base}/:id`, itemHandler(kind))];
  if (kind.children !== undefined) {
    routes.push(readOnly(`${base}/:id/:child`, childListHandler(kind)));
    routes.push(readOnly(`${base}/:id/:child/:childId`, childItemHandler(kind)));
  }
  return routes;
}

export function inventoryRoutes(): Route[] {
  return RESOURCE_KINDS.flatMap(routesOf);
}
