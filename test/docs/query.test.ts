import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { kindOfQueryType } from "../../src/query/object-writers.js";
import { SERVED_QUERY_TYPES, VENDOR_QUERY_TYPES } from "../../src/query/query-types.js";

const doc = readFileSync(new URL("../../docs/query.md", import.meta.url), "utf8");

test("docs/query.md lists every served type with its collection and exactly its properties", () => {
  const rows = [...doc.matchAll(/^\| (\w+) \| ([\w/]+) \| ([\w, ]+) \|$/gm)]
    .map((match) => [match[1], match[2], match[3]])
    .filter(([type]) => type !== "type");
  const served = SERVED_QUERY_TYPES.map((type) => [
    type.name,
    kindOfQueryType(type).collection,
    type.properties.map((p) => p.name).join(", "),
  ]);
  assert.deepEqual(rows, served);
});

test("docs/query.md names every vendor type that answers 501", () => {
  const paragraph = doc.slice(
    doc.indexOf("The vendor's other types answer"),
    doc.indexOf("A type that is not the vendor's"),
  );
  const listed = paragraph
    .slice(paragraph.indexOf("They are"))
    .match(/\b[A-Za-z]+\b/g)!
    .slice(2);
  const served = new Set(SERVED_QUERY_TYPES.map((type) => type.name));
  assert.deepEqual(
    listed,
    VENDOR_QUERY_TYPES.filter((name) => !served.has(name)),
  );
});
