import { setImmediate as nextTurn } from "node:timers/promises";

import type { InventoryRecord } from "../store/store.js";
import { FILE_KINDS, INVENTORY_SCHEMA } from "./inventory-schema.js";
import { emptyInventory, INVENTORY_KINDS, type Inventory, type InventoryKind } from "./model.js";

/**
 * Store records turned into an `Inventory` and back, and changed records applied to one.
 * This file owns the conversion: one record per object, its kind the `Inventory` key and its
 * body the object as JSON, so the stores never need to know the model.
 */

/** An inventory and where each object sits in its array, by kind and record id. */
export interface PlacedInventory {
  inventory: Inventory;
  positions: Map<InventoryKind, Map<string, number>>;
}

const KINDS = new Set<string>(INVENTORY_KINDS);

/**
 * Per kind, the fields a file may leave out, with their defaults. A record written before a
 * field was added to the model (a job's `linkedJobIds`, say) lacks it; it gets the default a
 * file would, so stores filled by an older emrest keep serving.
 */
const DEFAULTS = new Map(
  FILE_KINDS.map((kind) => {
    const fields = Object.entries(
      INVENTORY_SCHEMA[kind] as Record<string, { fallback?: () => unknown }>,
    );
    return [kind as string, fields.filter(([, field]) => field.fallback?.() !== undefined)];
  }),
);

/** Bodies parsed between two turns of the event loop. */
const PARSE_CHUNK = 5000;

export function emptyPlacedInventory(): PlacedInventory {
  return { inventory: emptyInventory(), positions: new Map() };
}

/** Every object of an inventory as a store record, collection by collection. */
export function inventoryRecords(inventory: Inventory): InventoryRecord[] {
  return INVENTORY_KINDS.flatMap((kind) =>
    (inventory[kind] as { id: string }[]).map((item) => ({
      kind,
      id: item.id,
      body: JSON.stringify(item),
    })),
  );
}

/**
 * A new inventory: `base` with each record's object put in place of the one with its id, or
 * appended. `base`'s arrays are left as they were, so a view of it stays whole; its position
 * maps are taken over, so `base` must not be used after. Every body is parsed before anything
 * changes, so a bad one rejects and leaves `base` untouched. Records of a kind this build
 * does not know (written by a newer emrest) are skipped and counted.
 */
export async function applyRecords(
  base: PlacedInventory,
  records: readonly InventoryRecord[],
): Promise<{ placed: PlacedInventory; skipped: number }> {
  const known = records.filter((record) => KINDS.has(record.kind));
  const objects = await parseBodies(known);

  const inventory = { ...base.inventory };
  const copied = new Set<InventoryKind>();
  known.forEach((record, i) => {
    const kind = record.kind as InventoryKind;
    if (!copied.has(kind)) {
      (inventory[kind] as unknown[]) = [...inventory[kind]];
      copied.add(kind);
    }
    place(inventory[kind] as unknown[], positionsOf(base, kind), record.id, objects[i]);
  });
  return {
    placed: { inventory, positions: base.positions },
    skipped: records.length - known.length,
  };
}

async function parseBodies(records: readonly InventoryRecord[]): Promise<unknown[]> {
  const objects: unknown[] = [];
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % PARSE_CHUNK === 0) await nextTurn();
    try {
      objects.push(withDefaults(records[i].kind, JSON.parse(records[i].body)));
    } catch (error) {
      const { kind, id } = records[i];
      throw new Error(`the inventory record ${kind} ${id} is not JSON`, { cause: error });
    }
  }
  return objects;
}

function withDefaults(kind: string, item: unknown): unknown {
  if (item === null || typeof item !== "object") return item;
  const fields = item as Record<string, unknown>;
  for (const [name, field] of DEFAULTS.get(kind) ?? []) {
    if (fields[name] === undefined) fields[name] = field.fallback!();
  }
  return item;
}

function positionsOf(placed: PlacedInventory, kind: InventoryKind): Map<string, number> {
  let positions = placed.positions.get(kind);
  if (positions === undefined) placed.positions.set(kind, (positions = new Map()));
  return positions;
}

function place(items: unknown[], positions: Map<string, number>, id: string, item: unknown) {
  const at = positions.get(id);
  if (at !== undefined) {
    items[at] = item;
    return;
  }
  positions.set(id, items.length);
  items.push(item);
}
