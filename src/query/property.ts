import type { InventoryView } from "../inventory/view.js";
import { parseUtcDateTime } from "./utc-time.js";

/**
 * A property a query can filter and sort on, as the vendor's `GET /query?type=…` pages list
 * them ("Optional Parameters"), with how to read it from an inventory object.
 *
 * Values are compared through keys, so each comparison is one `===` or `<` on a string or a
 * number: strings lower-cased (EM's database compares case-insensitively: the vendor's own
 * examples write `jobtype==backup`), booleans 0 and 1, DateTimes epoch milliseconds, and
 * enumerations their position in the vendor's list ("compared by their index",
 * query_comparison: Success < Warning < Failed). A missing value (a running session's end
 * time, an unscheduled job's next run) is null: it equals nothing, differs from everything
 * and is neither less nor greater than any value.
 */
export type PropertyKind = "string" | "number" | "boolean" | "datetime" | "uid" | "enum";

export type Raw = string | number | boolean | null;
export type Key = string | number | null;

export interface Property<T> {
  /** The vendor's spelling; matched case-insensitively. */
  name: string;
  kind: PropertyKind;
  /** An enumeration's values in the vendor's order. */
  values?: readonly string[];
  /** For a UID: the type in `urn:veeam:<type>:<id>`, so a bare id matches too. */
  uidType?: string;
  /** Reads the value; `now` matters only to `live` properties. For a `clocked` one, its final value. */
  get(item: T, view: InventoryView, now: number): Raw;
  /** Follows the clock in a way of its own: read anew for every query. */
  live?: boolean;
  /**
   * Has one value until a time of the object's and `get`'s after it, as a run's State,
   * Result and EndTime do (`sessionState`). Both are kept, and each query only picks one by
   * the clock: reading the model 100,000 times per query was most of a filter's cost.
   * `earlier` is a stage before that, up to a time at or before `from`: a task's Pending.
   */
  clocked?: {
    from(item: T): number;
    before: Stage<T>;
    earlier?: { until(item: T): number; value: Stage<T> };
  };
}

/** A clocked property's value in one stage: the same for all objects, or read from each. */
export type Stage<T> = Raw | StageReader<T>["read"];

// A method's type, so that a Property<Job> is still a Property<unknown> as `get` lets it be.
interface StageReader<T> {
  read(item: T, view: InventoryView): Raw;
}

/** The comparable key of a value read from the inventory. */
export function keyOfRaw<T>(property: Property<T>, raw: Raw): Key {
  if (raw === null) return null;
  switch (property.kind) {
    case "string":
    case "uid":
      return String(raw).toLowerCase();
    case "boolean":
      return raw ? 1 : 0;
    case "enum":
      return enumRank(property.values ?? [], String(raw));
    default:
      return raw as number;
  }
}

/** The key of a value written in a filter, or why it does not fit the property. */
export function keyOfText<T>(property: Property<T>, text: string): Key | { reason: string } {
  switch (property.kind) {
    case "string":
      return text.toLowerCase();
    case "uid":
      return uidKey(property, text);
    case "number": {
      // 1e309 reads as Infinity, which no property holds: out of range, as any parser says.
      const value = NUMBER.test(text.trim()) ? Number(text) : Number.NaN;
      return Number.isFinite(value)
        ? value
        : { reason: `${property.name} takes a number, not ${show(text)}` };
    }
    case "boolean":
      return booleanKey(property, text);
    case "datetime": {
      const ms = parseUtcDateTime(text.trim());
      return typeof ms === "number" ? ms : { reason: `${property.name}: ${ms.reason}` };
    }
    case "enum": {
      const values = property.values ?? [];
      const rank = enumRank(values, text);
      return rank < values.length
        ? rank
        : { reason: `${property.name} takes one of ${values.join(", ")}, not ${show(text)}` };
    }
  }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

// Values the data holds but the vendor's list lacks sort after all listed ones.
function enumRank(values: readonly string[], text: string): number {
  const wanted = text.trim().toLowerCase();
  const index = values.findIndex((value) => value.toLowerCase() === wanted);
  return index === -1 ? values.length : index;
}

// The vendor's examples give UIDs whole (`urn:veeam:Job:da73…`) and bare (`7445e6ce-…`).
function uidKey<T>(property: Property<T>, text: string): string {
  const value = text.trim().toLowerCase();
  if (value.startsWith("urn:") || property.uidType === undefined) return value;
  return `urn:veeam:${property.uidType}:${value}`.toLowerCase();
}

function booleanKey<T>(property: Property<T>, text: string): Key | { reason: string } {
  const value = text.trim().toLowerCase();
  if (value === "true") return 1;
  if (value === "false") return 0;
  return { reason: `${property.name} takes True or False, not ${show(text)}` };
}

function show(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
