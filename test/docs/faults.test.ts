import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { FAULTS } from "../../src/faults/catalogue.js";

test("docs/faults.md lists every fault of the catalogue with its status and message", () => {
  const doc = readFileSync(new URL("../../docs/faults.md", import.meta.url), "utf8");
  const rows = doc
    .split("\n")
    .filter((line) => /^\| [A-Z]\w+ \| \d{3} \|/.test(line))
    .map((line) => line.split("|").slice(1, -1).map((cell) => cell.trim()));

  const documented = Object.fromEntries(rows.map(([name, status, message]) => [name, { status: Number(status), message }]));
  assert.deepEqual(documented, FAULTS);
});

test("every fault's status is an HTTP error status", () => {
  for (const [name, fault] of Object.entries(FAULTS)) {
    assert.ok(fault.status >= 400 && fault.status < 600, name);
  }
});
