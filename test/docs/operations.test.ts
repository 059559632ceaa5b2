import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { SERVED_COLLECTIONS } from "../../src/http/inventory-routes.js";
import { pendingLinkedPaths } from "../../src/http/routes.js";

test("docs/operations.md lists every linked resource that answers 501", () => {
  const doc = readFileSync(new URL("../../docs/operations.md", import.meta.url), "utf8");
  const listed = [...doc.matchAll(/^- `\/api\/([^`]+)`$/gm)].map((match) => match[1]);
  const pending = pendingLinkedPaths().filter((path) => !SERVED_COLLECTIONS.has(path));
  assert.deepEqual(listed, pending);
});

test("docs/operations.md lists every collection served from the inventory", () => {
  const doc = readFileSync(new URL("../../docs/operations.md", import.meta.url), "utf8");
  const listed = [...doc.matchAll(/^\| `\/api\/([^`]+)`/gm)].map((match) => match[1]);
  assert.deepEqual(listed, [...SERVED_COLLECTIONS]);
});
