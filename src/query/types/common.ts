import { uidOf, type BackupServer } from "../../inventory/model.js";
import type { InventoryView } from "../../inventory/view.js";
import type { Property, Raw, Stage } from "../property.js";

/** Small builders for the property tables, so each reads like the vendor's page. */

type Get<T> = (item: T, view: InventoryView, now: number) => Raw;

export const text = <T>(name: string, get: Get<T>): Property<T> => ({ name, kind: "string", get });
export const number = <T>(name: string, get: Get<T>): Property<T> => ({
  name,
  kind: "number",
  get,
});
export const flag = <T>(name: string, get: Get<T>): Property<T> => ({ name, kind: "boolean", get });
export const time = <T>(name: string, get: Get<T>): Property<T> => ({
  name,
  kind: "datetime",
  get,
});

export function oneOf<T>(name: string, values: readonly string[], get: Get<T>): Property<T> {
  return { name, kind: "enum", values, get };
}

/**
 * A property whose value is `before` until `from(item)`, then what `get` reads; with
 * `earlier`, it is `earlier.value` until `earlier.until(item)`, then `before`.
 */
export function clocked<T>(
  property: Property<T>,
  from: (item: T) => number,
  before: Stage<T>,
  earlier?: { until: (item: T) => number; value: Stage<T> },
): Property<T> {
  return { ...property, clocked: { from, before, earlier } };
}

/** A UID property: `urn:veeam:<type>:<id>`, or null when there is no such object. */
export function uid<T>(
  name: string,
  type: string,
  idOf: (item: T, view: InventoryView) => string | null | undefined,
): Property<T> {
  return {
    name,
    kind: "uid",
    uidType: type,
    get: (item, view) => {
      const id = idOf(item, view);
      return id === null || id === undefined ? null : uidOf(type, id);
    },
  };
}

/** The object's own `UID`. */
export function ownUid<T extends { id: string }>(type: string): Property<T> {
  return uid<T>("UID", type, (item) => item.id);
}

/** `BackupServerUid` and `BackupServerName`, read through the given parent chain. */
export function backupServer<T>(
  serverOfItem: (item: T, view: InventoryView) => BackupServer | undefined,
): Property<T>[] {
  return [
    uid<T>("BackupServerUid", "BackupServer", (item, view) => serverOfItem(item, view)?.id),
    text<T>("BackupServerName", (item, view) => serverOfItem(item, view)?.name ?? null),
  ];
}
