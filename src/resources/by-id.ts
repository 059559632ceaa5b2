/**
 * The common part of a kind stored as one inventory collection and addressed by GUID.
 */
import type { Inventory, InventoryKind } from "../inventory/model.js";
import type { ResourceContext } from "./resource-kind.js";

type Item<K extends InventoryKind> = Inventory[K][number];

export function byId<K extends InventoryKind>(kind: K) {
  return {
    guidIds: true,
    all: (ctx: ResourceContext): readonly Item<K>[] => ctx.view.all(kind),
    find: (ctx: ResourceContext, id: string): Item<K> | undefined => ctx.view.get(kind, id),
    idOf: (item: Item<K>): string => item.id,
  };
}
