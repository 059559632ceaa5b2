import { INVENTORY_KINDS, type Inventory, type InventoryKind } from "./model.js";

type Item<K extends InventoryKind> = Inventory[K][number];

/**
 * Read access to one inventory snapshot: the collections as loaded, and each object by id.
 * A snapshot never changes; a newer inventory is a new view.
 */
export class InventoryView {
  readonly inventory: Inventory;
  readonly #byId = new Map<InventoryKind, Map<string, unknown>>();

  constructor(inventory: Inventory) {
    this.inventory = inventory;
  }

  all<K extends InventoryKind>(kind: K): readonly Item<K>[] {
    return this.inventory[kind] as Item<K>[];
  }

  /** The object of this kind with this id (GUIDs compare case-insensitively). */
  get<K extends InventoryKind>(kind: K, id: string): Item<K> | undefined {
    let index = this.#byId.get(kind);
    if (index === undefined) {
      index = new Map(this.inventory[kind].map((item: { id: string }) => [item.id, item]));
      this.#byId.set(kind, index);
    }
    return index.get(id.toLowerCase()) as Item<K> | undefined;
  }

  /** How many objects of each kind, for logs and `emrest inventory show`. */
  counts(): Record<InventoryKind, number> {
    return Object.fromEntries(
      INVENTORY_KINDS.map((kind) => [kind, this.inventory[kind].length]),
    ) as Record<InventoryKind, number>;
  }
}
