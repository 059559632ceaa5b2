import type { InventoryView } from "../inventory/view.js";
import { keyOfRaw, type Key, type Property } from "./property.js";
import type { QueryType } from "./query-type.js";
import { clockedReader, keepClockedKeys, type ClockedKeys } from "./clocked-keys.js";

/**
 * The objects of one query type in one inventory snapshot, with the comparable keys of each
 * property (a column) and the objects' positions sorted by a property (an order). A snapshot
 * never changes, so columns and orders of properties that do not follow the clock are built
 * on first use and kept as long as the view lives: a page sorted by CreationTime over 100,000
 * sessions is then a slice, not a sort.
 */
export class TypeTable<T> {
  readonly items: readonly T[];
  readonly #columns = new Map<Property<T>, Key[]>();
  readonly #orders = new Map<Property<T>, Int32Array>();
  readonly #clocked = new Map<Property<T>, ClockedKeys>();

  constructor(
    readonly type: QueryType<T>,
    readonly view: InventoryView,
  ) {
    this.items = type.items(view);
  }

  /** The keys of a property, one per object, in the objects' order. */
  column(property: Property<T>, now: number): Key[] {
    if (property.clocked === undefined) return this.#column(property, now);
    const key = this.reader(property, now);
    return Array.from(this.items, (_item, i) => key(i));
  }

  /**
   * Reads a property's key by position. A clocked property is read from its kept final keys
   * and switch times without building a column, so a filter on Result allocates nothing.
   */
  reader(property: Property<T>, now: number): (position: number) => Key {
    if (property.clocked === undefined) {
      const keys = this.#column(property, now);
      return (i) => keys[i]!;
    }
    return clockedReader(this.#clockedKeys(property, now), now);
  }

  #column(property: Property<T>, now: number): Key[] {
    const cached = this.#columns.get(property);
    if (cached !== undefined) return cached;

    const { items, view } = this;
    const keys = new Array<Key>(items.length);
    for (let i = 0; i < items.length; i++) {
      keys[i] = keyOfRaw(property, property.get(items[i]!, view, now));
    }
    if (!property.live) this.#columns.set(property, keys);
    return keys;
  }

  #clockedKeys(property: Property<T>, now: number): ClockedKeys {
    let kept = this.#clocked.get(property);
    if (kept === undefined) {
      kept = keepClockedKeys(property, this.items, this.view, now);
      this.#clocked.set(property, kept);
    }
    return kept;
  }

  /** The objects' positions in ascending order of a property; ties keep the default order. */
  order(property: Property<T>, now: number): Int32Array {
    const cached = this.#orders.get(property);
    if (cached !== undefined) return cached;

    const keys = this.column(property, now);
    const positions = new Int32Array(keys.length);
    for (let i = 0; i < positions.length; i++) positions[i] = i;
    positions.sort((a, b) => compareKeys(keys[a]!, keys[b]!) || a - b);
    if (!property.live && property.clocked === undefined) this.#orders.set(property, positions);
    return positions;
  }
}

/** Nulls first, as EM's SQL Server sorts them; then by value. */
export function compareKeys(a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const tables = new WeakMap<InventoryView, Map<QueryType<never>, TypeTable<never>>>();

/** The table of a type in a view, built once per view. */
export function tableOf<T>(view: InventoryView, type: QueryType<T>): TypeTable<T> {
  let byType = tables.get(view);
  if (byType === undefined) tables.set(view, (byType = new Map()));
  let table = byType.get(type as QueryType<never>) as TypeTable<T> | undefined;
  if (table === undefined) {
    table = new TypeTable(type, view);
    byType.set(type as QueryType<never>, table as unknown as TypeTable<never>);
  }
  return table;
}
