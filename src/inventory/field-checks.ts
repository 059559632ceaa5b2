import type { InventoryKind } from "./model.js";

/** What is wrong with one value; `check` returns it instead of throwing, for speed. */
export class Bad {
  /** `at` continues the path inside the value, e.g. `[2]` for the third item of a list. */
  constructor(
    readonly message: string,
    readonly at = "",
  ) {}
}

/** How one field of an inventory object is checked and normalised. */
export interface Field {
  /** The normalised value, or a `Bad` saying what is wrong. */
  check(value: unknown): unknown;
  /** The value when the field is left out; `undefined` leaves it out. Required when absent. */
  fallback?: () => unknown;
  /** The kind of object this field's id (or each id of its list) must name. */
  ref?: InventoryKind;
  /** Set on time fields, so a file can be written back with readable times. */
  isTime?: true;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An ISO 8601 instant with its zone, as the vendor writes times (`2026-06-15T05:50:44.62Z`).
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/i;
// XML 1.0 cannot carry C0 controls other than tab, LF and CR, so no field may hold them.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\t\n\r]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// 9999-12-31T23:59:59.999Z: the last instant the vendor's DateTime can hold.
const LATEST_TIME = 253402300799999;

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** A GUID in any case; kept in lower case. */
export function guid(): Field {
  return { check: checkGuid };
}

function checkGuid(value: unknown): unknown {
  if (typeof value === "string" && GUID.test(value)) return value.toLowerCase();
  return new Bad(
    `expected a GUID like 0f8b6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b, got ${describe(value)}`,
  );
}

/** The id of an object of `kind`. */
export function ref(kind: InventoryKind): Field {
  return { check: checkGuid, ref: kind };
}

/** The id of an object of `kind`, or null (the default). */
export function refOrNull(kind: InventoryKind): Field {
  return {
    check: (value) => (value === null ? null : checkGuid(value)),
    fallback: () => null,
    ref: kind,
  };
}

/** A list of ids of objects of `kind`, each once; empty by default. */
export function refs(kind: InventoryKind): Field {
  return { check: (value) => listOf(value, checkGuid), fallback: () => [], ref: kind };
}

/** A one-line name: not empty, no tabs or line breaks. */
export function name(): Field {
  return {
    check(value) {
      const text = checkText(value, 255);
      if (text instanceof Bad) return text;
      if (text.trim() === "") return new Bad("must not be empty");
      if (LINE_BREAK.test(text)) return new Bad("must be on one line");
      return text;
    },
  };
}

/** Free text (descriptions, messages); may be empty or span lines. */
export function text(fallback?: string): Field {
  const field: Field = { check: (value) => checkText(value, 65536) };
  if (fallback !== undefined) field.fallback = () => fallback;
  return field;
}

function checkText(value: unknown, maxLength: number): string | Bad {
  if (typeof value !== "string") return new Bad(`expected text, got ${describe(value)}`);
  if (value.length > maxLength) return new Bad(`is longer than ${maxLength} characters`);
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) {
    return new Bad("holds a control character or a broken surrogate, which XML cannot carry");
  }
  return value;
}

/** A whole number from `min` to `max`. */
export function int(min: number, max: number, fallback?: number): Field {
  const field: Field = {
    check(value) {
      if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
        return value;
      }
      return new Bad(`expected a whole number from ${min} to ${max}, got ${describe(value)}`);
    },
  };
  if (fallback !== undefined) field.fallback = () => fallback;
  return field;
}

/** A whole number from `min` to `max`, or null (the default). */
export function intOrNull(min: number, max: number): Field {
  const inner = int(min, max);
  return { check: (value) => (value === null ? null : inner.check(value)), fallback: () => null };
}

/** A size in bytes. */
export function size(fallback?: number): Field {
  return int(0, Number.MAX_SAFE_INTEGER, fallback);
}

/** A size in bytes, or -1 where the vendor reports it unknown. */
export function sizeOrUnknown(): Field {
  return int(-1, Number.MAX_SAFE_INTEGER);
}

/** A ratio such as a deduplication ratio: a number from 0 to `max`. */
export function ratio(max: number, fallback: number): Field {
  return {
    check(value) {
      if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= max) {
        return value;
      }
      return new Bad(`expected a number from 0 to ${max}, got ${describe(value)}`);
    },
    fallback: () => fallback,
  };
}

/** An instant: epoch milliseconds, or ISO 8601 text with its zone; kept as milliseconds. */
export function time(): Field {
  return { check: checkTime, isTime: true };
}

export function timeOrNull(): Field {
  return {
    ...time(),
    check: (value) => (value === null ? null : checkTime(value)),
    fallback: () => null,
  };
}

function checkTime(value: unknown): unknown {
  let ms = NaN;
  if (typeof value === "number" && Number.isInteger(value)) ms = value;
  if (typeof value === "string" && INSTANT.test(value)) ms = Date.parse(value);
  if (ms >= 0 && ms <= LATEST_TIME) return ms;
  return new Bad(
    `expected a time such as 2026-06-15T05:50:44Z or epoch milliseconds, got ${describe(value)}`,
  );
}

export function flag(fallback?: boolean): Field {
  const field: Field = {
    check: (value) =>
      typeof value === "boolean"
        ? value
        : new Bad(`expected true or false, got ${describe(value)}`),
  };
  if (fallback !== undefined) field.fallback = () => fallback;
  return field;
}

/** A boolean that is left out of the object when absent. */
export function optionalFlag(): Field {
  return { ...flag(), fallback: () => undefined };
}

/** One of a fixed set of words, spelled exactly as the vendor spells them. */
export function oneOf(values: readonly string[], fallback?: string): Field {
  const field: Field = { check: (value) => checkWord(value, values) };
  if (fallback !== undefined) field.fallback = () => fallback;
  return field;
}

/** A list of words from a fixed set, each once; empty by default. */
export function wordsOf(values: readonly string[]): Field {
  return { check: (value) => listOf(value, (item) => checkWord(item, values)), fallback: () => [] };
}

function checkWord(value: unknown, values: readonly string[]): unknown {
  if (typeof value === "string" && values.includes(value)) return value;
  return new Bad(`expected one of ${values.join(", ")}, got ${describe(value)}`);
}

function listOf(value: unknown, checkItem: (item: unknown) => unknown): unknown {
  if (!Array.isArray(value)) return new Bad(`expected a list, got ${describe(value)}`);
  const seen = new Set<unknown>();
  for (const [index, raw] of value.entries()) {
    const item = checkItem(raw);
    if (item instanceof Bad) return new Bad(item.message, `[${index}]`);
    if (seen.has(item)) return new Bad(`${describe(item)} is listed twice`, `[${index}]`);
    seen.add(item);
  }
  return [...seen];
}
