import assert from "node:assert/strict";
import { test } from "node:test";
import { newTaskId } from "../../src/actions/task-id.js";

const NOW = Date.parse("2026-06-15T06:00:00Z");

test("a task id is task-N with N growing with the second it was made in", () => {
  const earlier = Number(newTaskId(NOW, () => false).slice("task-".length));
  const later = Number(newTaskId(NOW + 1000, () => false).slice("task-".length));
  assert.ok(Number.isSafeInteger(earlier) && Number.isSafeInteger(later));
  assert.ok(later > earlier);
});

test("a task id already taken is drawn again", () => {
  const seen: string[] = [];
  const id = newTaskId(NOW, (candidate) => {
    seen.push(candidate);
    return seen.length <= 3;
  });
  assert.equal(seen.length, 4);
  assert.equal(id, seen[3]);
  assert.match(id, /^task-\d+$/);
});
