/**
 * Who belongs to whom in one inventory snapshot: the objects of a kind grouped by one of
 * their reference fields (the sessions of a job, the files of a backup, …). Each grouping is
 * built once per view, on first use, so a sub-collection costs one lookup, not a scan.
 */
import type { Inventory, InventoryKind } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";

type Item<K extends InventoryKind> = Inventory[K][number];
type Groups = Map<string, readonly unknown[]>;

const built = new WeakMap<InventoryView, Map<string, Groups>>();

function groupsOf(view: InventoryView, key: string, build: () => Groups): Groups {
  let perView = built.get(view);
  if (perView === undefined) built.set(view, (perView = new Map()));
  let groups = perView.get(key);
  if (groups === undefined) perView.set(key, (groups = build()));
  return groups;
}

function group<T>(items: readonly T[], keyOf: (item: T) => string | null): Groups {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return groups;
}

/** The objects of `kind` whose `field` holds `id`, in inventory order. */
export function childrenOf<K extends InventoryKind, F extends keyof Item<K> & string>(
  view: InventoryView,
  kind: K,
  field: F,
  id: string,
): readonly Item<K>[] {
  const groups = groupsOf(view, `${kind}.${field}`, () =>
    group(view.all(kind) as unknown as readonly Record<string, unknown>[], (item) => {
      const value = item[field];
      return typeof value === "string" ? value : null;
    }),
  );
  return (groups.get(id) ?? []) as readonly Item<K>[];
}

/** Objects grouped by a derived key (e.g. task sessions by their job session's kind). */
export function groupedBy<T>(
  view: InventoryView,
  name: string,
  items: () => readonly T[],
  keyOf: (item: T) => string | null,
): (key: string) => readonly T[] {
  const groups = groupsOf(view, name, () => group(items(), keyOf));
  return (key) => (groups.get(key) ?? []) as readonly T[];
}
