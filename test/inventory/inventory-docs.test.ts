import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Field } from "../../src/inventory/field-checks.js";
import { FILE_KINDS, INVENTORY_SCHEMA } from "../../src/inventory/inventory-schema.js";

const DOC = readFileSync(new URL("../../docs/inventory.md", import.meta.url), "utf8");

/** The `### …` sections of docs/inventory.md: the collections each names, and its field rows. */
function sections(): { kinds: string[]; rows: string[][] }[] {
  return DOC.split(/^### /m)
    .slice(1)
    .map((section) => {
      const heading = section.slice(0, section.indexOf("\n"));
      const kinds = (heading.match(/\w+/g) ?? []).filter((word) =>
        (FILE_KINDS as readonly string[]).includes(word),
      );
      const rows = [...section.matchAll(/^\| `(\w+)` +\|([^|]+)\|([^|]+)\|/gm)].map((match) =>
        match.slice(1).map((cell) => cell.trim()),
      );
      return { kinds, rows };
    });
}

describe("docs/inventory.md", () => {
  it("describes every collection of the file format once, field by field, in order", () => {
    for (const kind of FILE_KINDS) {
      const found = sections().filter((section) => section.kinds.includes(kind));
      assert.equal(found.length, 1, `one section for ${kind}`);
      const fields = Object.keys(INVENTORY_SCHEMA[kind]);
      assert.deepEqual(
        found[0]!.rows.map(([field]) => field),
        fields,
        kind,
      );
    }
  });

  it("marks exactly the fields without a default as required", () => {
    for (const kind of FILE_KINDS) {
      const schema = INVENTORY_SCHEMA[kind] as Record<string, Field>;
      const section = sections().find((candidate) => candidate.kinds.includes(kind))!;
      for (const [field, , required] of section.rows) {
        const documented = required === "required";
        assert.equal(documented, schema[field!]!.fallback === undefined, `${kind}.${field}`);
      }
    }
  });
});
