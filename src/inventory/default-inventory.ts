import { generateInventory } from "./generate.js";
import type { Inventory } from "./model.js";

/** The size of the inventory a new store starts with: small enough to read, big enough to show every kind. */
export const DEFAULT_INVENTORY_OPTIONS = {
  servers: 2,
  jobs: 8,
  vms: 30,
  days: 7,
  seed: "emrest",
} as const;

/**
 * The inventory present on first start, so the first request shows real data: always the same
 * site, with its week of history ending at `now`.
 */
export function defaultInventory(now: number = Date.now()): Inventory {
  return generateInventory({ ...DEFAULT_INVENTORY_OPTIONS, now });
}
