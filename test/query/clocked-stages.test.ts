import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  emptyInventory,
  taskSessionState,
  type JobSession,
  type TaskSession,
} from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import { keyOfRaw, type Property } from "../../src/query/property.js";
import type { QueryType } from "../../src/query/query-type.js";
import { TypeTable } from "../../src/query/type-table.js";
import { clocked, time } from "../../src/query/types/common.js";
import { BACKUP_TASK_SESSION } from "../../src/query/types/sessions.js";

// The type table keeps a clocked property's stages once per snapshot and picks one by the
// clock on each query; these check the picking against the model's own reading of a task.

const T0 = Date.parse("2026-06-15T06:00:00Z");
const MIN = 60_000;

const property = (name: string) =>
  BACKUP_TASK_SESSION.properties.find((candidate) => candidate.name === name)!;

function siteOf(runStart: number, tasks: { start: number; end: number }[]) {
  const inventory = emptyInventory();
  const run: JobSession = {
    id: "run",
    jobId: "job",
    kind: "Backup",
    creationTime: runStart,
    endTime: Math.max(runStart, ...tasks.map((task) => task.end)),
    result: "Success",
    failureMessage: "",
    isRetry: false,
  };
  inventory.jobSessions.push(run);
  tasks.forEach((task, n) =>
    inventory.taskSessions.push({
      id: `task-${n}`,
      jobSessionId: run.id,
      vmId: "vm",
      creationTime: task.start,
      endTime: task.end,
      result: "Warning",
      reason: "",
      totalSize: 1,
    }),
  );
  return { run, table: new TypeTable(BACKUP_TASK_SESSION, new InventoryView(inventory)) };
}

const arbitraryTasks = fc.array(
  fc.record({ wait: fc.nat({ max: 60 }), length: fc.nat({ max: 60 }) }),
  { minLength: 1, maxLength: 12 },
);

describe("the type table's reader of clocked properties with two switches", () => {
  it("agrees with the model's task state and shown creation time at any moment", () => {
    fc.assert(
      fc.property(arbitraryTasks, fc.array(fc.integer({ min: -5, max: 130 })), (specs, at) => {
        const tasks = specs.map(({ wait, length }) => ({
          start: T0 + wait * MIN,
          end: T0 + (wait + length) * MIN,
        }));
        const { run, table } = siteOf(T0, tasks);
        for (const minute of at) {
          const now = T0 + minute * MIN;
          const state = table.reader(property("State"), now);
          const created = table.reader(property("CreationTime"), now);
          table.items.forEach((task, i) => {
            const model = taskSessionState(task, run.creationTime, now);
            assert.equal(state(i), keyOfRaw(property("State"), model.state));
            assert.equal(created(i), model.creationTime);
          });
        }
      }),
    );
  });

  it("shows a queued task Pending at its run's creation, then InProgress, then Completed", () => {
    const { table } = siteOf(T0, [{ start: T0 + 10 * MIN, end: T0 + 20 * MIN }]);
    const states = [5, 10, 20].map((minute) => {
      const key = table.reader(property("State"), T0 + minute * MIN)(0);
      return property("State").values![key as number];
    });
    assert.deepEqual(states, ["Pending", "InProgress", "Completed"]);

    const created = [5, 15].map((minute) =>
      table.reader(property("CreationTime"), T0 + minute * MIN)(0),
    );
    assert.deepEqual(created, [T0, T0 + 10 * MIN]);
  });

  it("reads each object's stages once, however many queries follow", () => {
    const reads = { get: 0, from: 0, before: 0, until: 0, earlier: 0 };
    type Item = { start: number; end: number; queued: number };
    const counted: Property<Item> = clocked(
      time<Item>("When", (item) => (reads.get++, item.end)),
      (item) => (reads.from++, item.end),
      (item) => (reads.before++, item.start),
      {
        until: (item) => (reads.until++, item.start),
        value: (item) => (reads.earlier++, item.queued),
      },
    );
    const items: Item[] = [1, 2, 3].map((n) => ({ queued: 0, start: n * 10, end: n * 20 }));
    const type: QueryType<Item> = {
      name: "Counted",
      entities: "Counted",
      items: () => items,
      properties: [counted],
    };
    const table = new TypeTable(type, new InventoryView(emptyInventory()));

    // Queued until start, started at start, then ended: three reads at each of three moments.
    const plain = (item: Item, now: number) =>
      now < item.start ? item.queued : now < item.end ? item.start : item.end;
    for (const now of [5, 15, 25, 45, 65]) {
      const read = table.reader(counted, now);
      assert.deepEqual(
        items.map((_item, i) => read(i)),
        items.map((item) => plain(item, now)),
      );
    }
    assert.deepEqual(reads, { get: 3, from: 3, before: 3, until: 3, earlier: 3 });
  });
});
