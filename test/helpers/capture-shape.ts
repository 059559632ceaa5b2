/**
 * Compares a served JSON body with a captured EM reply member for member: the same keys in
 * the same order at every level, `null` exactly where the capture has `null`, the same JSON
 * type elsewhere (an integer where the capture has one), timestamps and URNs of the same form,
 * and links with the same keys, the same Rel and Type in the same order and `Name` null where
 * the capture's is. Values that come from the inventory may differ.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

type Json = Record<string, unknown>;

export interface ShapeOptions {
  /**
   * `camel`: the capture is EM 13's, whose keys are camelCase; the served keys are compared
   * as EM 13 would spell them (emrest writes EM 12's PascalCase unless told otherwise).
   */
  casing?: "pascal" | "camel";
  /**
   * `camel`: the reply comes from a server run with `--json-casing camel`, so its keys are
   * compared with the capture's exactly as they are, not respelled.
   */
  served?: "pascal" | "camel";
  /** What a failure message calls the top of `served` (a UID, a member name); `$` if not given. */
  at?: string;
}

/** `Rel Type` of each link, the link's own keys checked on the way. */
export function linkSequence(links: unknown): string[] {
  assert.ok(Array.isArray(links), "Links is an array");
  return (links as Json[]).map((link) => {
    assert.deepEqual(Object.keys(link), ["Rel", "Href", "Name", "Type"]);
    return `${link.Rel} ${link.Type}`;
  });
}

/** The part of an Href after `/api/`, so hosts (and the captures' stray spaces) drop out. */
export function apiPath(href: unknown): string {
  return String(href)
    .replace(/\s+/g, "")
    .replace(/^.*?\/api\//, "");
}

/**
 * A name as EM 13 writes it: leading capitals lowered up to the last one before a small letter
 * (`UID` to `uid`, `VAppRestorePoints` to `vAppRestorePoints`), as Json.NET's camelCase does.
 */
export function camelName(name: string): string {
  const chars = [...name];
  const upper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase();
  for (let i = 0; i < chars.length && upper(chars[i]); i++) {
    if (i > 0 && i + 1 < chars.length && !upper(chars[i + 1])) break;
    chars[i] = chars[i].toLowerCase();
  }
  return chars.join("");
}

/** Asserts that `served` has the shape of `captured` (see the top of this file). */
export function assertSameShape(
  served: unknown,
  captured: unknown,
  options: ShapeOptions = {},
): void {
  const asIs = (name: string) => name;
  const asCaptured = options.casing === "camel" ? camelName : asIs;
  const spell = { served: options.served === "camel" ? asIs : asCaptured, captured: asCaptured };
  compare(served, captured, options.at ?? "$", spell);
}

/** `served` spells a served key as the capture does; `captured` an EM 12 name as it does. */
interface Spell {
  served: (name: string) => string;
  captured: (name: string) => string;
}

function compare(served: unknown, captured: unknown, at: string, spell: Spell): void {
  if (captured === null) return assert.equal(served, null, `${at} is null as captured`);
  assert.notEqual(served, null, `${at} is not null: the capture has a value`);
  if (Array.isArray(captured)) return compareList(served, captured, at, spell);
  if (typeof captured === "object") return compareObject(served, captured as Json, at, spell);

  assert.equal(typeof served, typeof captured, `${at} has the captured type`);
  if (typeof captured === "number" && Number.isInteger(captured)) {
    assert.ok(Number.isInteger(served), `${at} is an integer as captured, not ${served}`);
  }
  if (typeof captured === "string") compareForm(served as string, captured, at);
}

function compareObject(served: unknown, captured: Json, at: string, spell: Spell): void {
  assert.ok(typeof served === "object" && !Array.isArray(served), `${at} is an object`);
  const spelled = Object.keys(served as Json).map(spell.served);
  assert.deepEqual(spelled, Object.keys(captured), `${at} keys`);

  const values = Object.values(served as Json);
  for (const [i, [key, value]] of Object.entries(captured).entries()) {
    compare(values[i], value, `${at}.${key}`, spell);
  }
}

// A list of links is compared one for one; any other list item for item with the captured
// item at the same place, or the first where the capture is shorter.
function compareList(served: unknown, captured: unknown[], at: string, spell: Spell): void {
  assert.ok(Array.isArray(served), `${at} is an array`);
  if (/\.links$/i.test(at)) return compareLinks(served, captured as Json[], at, spell);

  if (captured.length > 0) assert.ok(served.length > 0, `${at}: an empty list shows no shape`);
  for (const [i, item] of served.entries()) {
    compare(item, captured[Math.min(i, captured.length - 1)], `${at}[${i}]`, spell);
  }
}

function compareLinks(served: unknown[], captured: Json[], at: string, spell: Spell): void {
  const [rel, name, type] = ["Rel", "Name", "Type"].map(spell.captured);
  const summary = (links: Json[]) =>
    links.map((link) => `${link[rel]} ${link[type]}${link[name] === null ? "" : " (named)"}`);
  const spelled = (served as Json[]).map((link) =>
    Object.fromEntries(Object.entries(link).map(([key, value]) => [spell.served(key), value])),
  );
  assert.deepEqual(summary(spelled), summary(captured), `${at}: Rel, Type and named links`);

  for (const [i, link] of spelled.entries()) compareObject(link, captured[i], `${at}[${i}]`, spell);
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

// Strings that carry a form of their own: timestamps, URNs (up to their id) and Hrefs.
function compareForm(served: string, captured: string, at: string): void {
  if (TIMESTAMP.test(captured)) assert.match(served, TIMESTAMP, `${at} is a UTC timestamp`);
  const urn = captured.replace(/\s+/g, "").match(/^(urn:.*:)[^:]*$/);
  if (urn) assert.ok(served.startsWith(urn[1]), `${at}: ${served} is a ${urn[1]}`);
  if (/^https?:/.test(captured)) assert.match(served, /^https?:\/\/[^/]+\/api\//, `${at} href`);
}

export function readFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
}

/** A capture of EM 12 with its keys spelled as EM 13 would (`camelName`), for bodies no EM 13 capture shows. */
export function inCamelCase(value: unknown): any {
  if (Array.isArray(value)) return value.map(inCamelCase);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, member]) => [camelName(key), inCamelCase(member)]),
  );
}
