import {
  emptyInventory,
  INVENTORY_KINDS,
  type Inventory,
  type InventoryKind,
} from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import type { InventoryRecord, InventoryStore } from "../../src/store/store.js";

/** Every object of an inventory as a store record, its JSON as the body. */
export function recordsOf(inventory: Inventory): InventoryRecord[] {
  return INVENTORY_KINDS.flatMap((kind) =>
    (inventory[kind] as { id: string }[]).map((item) => ({
      kind,
      id: item.id,
      body: JSON.stringify(item),
    })),
  );
}

/**
 * The inventory as a store holds it, read whole on every call: plain and slow, for tests of
 * what a write shows on the nodes that share a store. Writes go through `putInventoryRecords`.
 */
export function storeInventory(store: InventoryStore) {
  async function view(): Promise<InventoryView> {
    const { records } = await store.readInventory({ generation: 0, revision: 0 });
    const inventory = emptyInventory();
    for (const record of records) {
      const list = inventory[record.kind as InventoryKind] as unknown[] | undefined;
      if (list !== undefined) list.push(JSON.parse(record.body));
    }
    return new InventoryView(inventory);
  }

  async function put(records: InventoryRecord[]): Promise<InventoryView> {
    await store.putInventoryRecords(records);
    return view();
  }

  return { view, put };
}
