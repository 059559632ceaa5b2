import type { InventoryView } from "../inventory/view.js";
import { keyOfRaw, type Key, type Property, type Stage } from "./property.js";

/**
 * The kept keys of a `clocked` property over one snapshot's objects: each object's switch
 * times and the keys of its stages. A stage shared by all objects is one key, not a column,
 * so the common case (a run's State before it ends) costs one comparison per object.
 */
export interface ClockedKeys {
  from: Float64Array;
  after: Key[];
  before: Key | Key[];
  earlier?: { until: Float64Array; keys: Key | Key[] };
}

/** Reads every object's switch times and stage keys once; `get` gives the final ones. */
export function keepClockedKeys<T>(
  property: Property<T>,
  items: readonly T[],
  view: InventoryView,
  now: number,
): ClockedKeys {
  const spec = property.clocked!;
  const from = new Float64Array(items.length);
  const after = new Array<Key>(items.length);
  for (let i = 0; i < items.length; i++) {
    from[i] = spec.from(items[i]!);
    after[i] = keyOfRaw(property, property.get(items[i]!, view, now));
  }
  const before = stageKeys(property, spec.before, items, view);
  if (spec.earlier === undefined) return { from, after, before };

  const until = Float64Array.from(items, (item) => spec.earlier!.until(item));
  return {
    from,
    after,
    before,
    earlier: { until, keys: stageKeys(property, spec.earlier.value, items, view) },
  };
}

function stageKeys<T>(
  property: Property<T>,
  stage: Stage<T>,
  items: readonly T[],
  view: InventoryView,
): Key | Key[] {
  if (typeof stage !== "function") return keyOfRaw(property, stage);
  return items.map((item) => keyOfRaw(property, stage(item, view)));
}

/** Reads an object's key at `now` by position, picking its stage by its switch times. */
export function clockedReader(kept: ClockedKeys, now: number): (position: number) => Key {
  const { from, after, before, earlier } = kept;
  const later = Array.isArray(before)
    ? (i: number) => (now >= from[i]! ? after[i]! : before[i]!)
    : (i: number) => (now >= from[i]! ? after[i]! : before);
  if (earlier === undefined) return later;

  const { until, keys } = earlier;
  // A task's State, the common case, in one flat comparison chain: a nested call cost a fifth.
  if (!Array.isArray(before) && !Array.isArray(keys)) {
    return (i) => (now >= from[i]! ? after[i]! : now >= until[i]! ? before : keys);
  }
  return Array.isArray(keys)
    ? (i) => (now >= until[i]! ? later(i) : keys[i]!)
    : (i) => (now >= until[i]! ? later(i) : keys);
}
