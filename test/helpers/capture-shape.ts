/**
 * Compares a served JSON body with a captured EM reply member for member: the same keys in
 * the same order, `null` where the capture has `null`, the same kind of value elsewhere, and
 * links with the same Rel and Type, one for one.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

type Json = Record<string, unknown>;

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

export function assertSameShape(served: unknown, captured: unknown, at = "$"): void {
  if (captured === null) return assert.equal(served, null, `${at} is null as captured`);
  if (Array.isArray(captured)) {
    assert.ok(Array.isArray(served), `${at} is an array`);
    if (at.endsWith(".Links")) {
      return assert.deepEqual(linkSequence(served), linkSequence(captured), `${at} links`);
    }
    for (const [i, item] of (served as unknown[]).entries()) {
      assertSameShape(item, captured[0], `${at}[${i}]`);
    }
    return;
  }
  if (typeof captured === "object") {
    assert.ok(served !== null && typeof served === "object", `${at} is an object`);
    assert.deepEqual(Object.keys(served as Json), Object.keys(captured as Json), `${at} keys`);
    for (const [key, value] of Object.entries(captured as Json)) {
      assertSameShape((served as Json)[key], value, `${at}.${key}`);
    }
    return;
  }
  assert.equal(typeof served, typeof captured, `${at} has the captured type`);
}

export function readFixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));
}
