import type { InventoryView } from "../inventory/view.js";
import type { Property } from "./property.js";

/**
 * One `type=` of the query service that emrest answers from the inventory: its objects and
 * the properties a filter or sort may name.
 */
export interface QueryType<T = unknown> {
  /** The vendor's spelling (query_type), matched case-insensitively. */
  name: string;
  /** Its member of `QueryResult/Entities`, e.g. `BackupJobSessions`. */
  entities: string;
  /** Its objects in their default order: the inventory's (creation) order. */
  items(view: InventoryView): readonly T[];
  properties: readonly Property<T>[];
}

/** The property of this name in any casing (`jobtype`, `JobType`), or undefined. */
export function propertyOf<T>(type: QueryType<T>, name: string): Property<T> | undefined {
  const wanted = name.toLowerCase();
  return type.properties.find((property) => property.name.toLowerCase() === wanted);
}

/** `Name, JobType, …`, for messages that list what may be used. */
export function propertyNames(type: QueryType<unknown>): string {
  return type.properties.map((property) => property.name).join(", ");
}
