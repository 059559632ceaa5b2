import assert from "node:assert/strict";

import {
  StoreUnavailable,
  type InventoryChanges,
  type InventoryRecord,
  type Store,
} from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";

/** A record as the inventory writes it: a kind, a GUID-like id and a JSON body. */
export function record(kind: string, n: number, note = "first"): InventoryRecord {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return { kind, id, body: JSON.stringify({ id, name: `${kind} ${n}`, note }) };
}

export function records(kind: string, count: number, from = 0): InventoryRecord[] {
  return Array.from({ length: count }, (_, i) => record(kind, from + i));
}

const NOTHING = { generation: 0, revision: 0 };

function read(store: Store, since: { generation: number; revision: number } = NOTHING) {
  return store.readInventory(since);
}

/** What a reader holds after a read: the state it passes back next time. */
function stateOf(changes: InventoryChanges) {
  return { generation: changes.generation, revision: changes.revision };
}

export function inventoryTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("starts with generation 0, revision 0 and no inventory records", async () => {
    assert.deepEqual(await read(ctx.store), {
      generation: 0,
      revision: 0,
      records: [],
      complete: true,
    });
  });

  test("gives a new reader every record of a replaced inventory, in the order given", async () => {
    const written = [record("backupServers", 1), ...records("jobs", 3), record("vms", 7)];

    const state = await ctx.store.replaceInventory(written);
    const changes = await read(ctx.store);

    assert.ok(state.generation > 0 && state.revision > 0);
    assert.deepEqual(changes, { ...state, records: written, complete: true });
  });

  test("gives a reader only what was put after the revision it holds, in write order", async () => {
    await ctx.store.replaceInventory(records("jobs", 2));
    const seen = stateOf(await read(ctx.store));

    const first = await ctx.store.putInventoryRecords([record("jobSessions", 1)]);
    const second = await ctx.store.putInventoryRecords([record("vms", 2), record("jobs", 9)]);
    const changes = await read(ctx.store, seen);

    assert.equal(first.generation, seen.generation);
    assert.ok(seen.revision < first.revision && first.revision < second.revision);
    assert.deepEqual(changes, {
      ...second,
      records: [record("jobSessions", 1), record("vms", 2), record("jobs", 9)],
      complete: false,
    });
    assert.deepEqual(await read(ctx.store, second), { ...second, records: [], complete: false });
  });

  test("keeps one record per kind and id: a put overwrites it and moves it last", async () => {
    await ctx.store.replaceInventory([record("jobs", 1), record("jobs", 2), record("vms", 1)]);
    const seen = stateOf(await read(ctx.store));

    const changed = record("jobs", 1, "second");
    await ctx.store.putInventoryRecords([record("jobs", 1, "discarded"), changed]);

    assert.deepEqual((await read(ctx.store, seen)).records, [changed]);
    assert.deepEqual((await read(ctx.store)).records, [
      record("jobs", 2),
      record("vms", 1),
      changed,
    ]);
  });

  test("drops the old records on replace and sends readers of the old generation all", async () => {
    await ctx.store.replaceInventory(records("jobs", 3));
    const seen = stateOf(await read(ctx.store));
    await ctx.store.putInventoryRecords([record("vms", 1)]);

    const state = await ctx.store.replaceInventory([record("repositories", 5)]);
    const changes = await read(ctx.store, seen);

    assert.ok(state.generation > seen.generation);
    assert.deepEqual(changes, { ...state, records: [record("repositories", 5)], complete: true });
  });

  test("counts an empty replace as an inventory, so generation 0 means never written", async () => {
    const state = await ctx.store.replaceInventory([]);

    assert.ok(state.generation > 0);
    assert.deepEqual(await read(ctx.store), { ...state, records: [], complete: true });
  });

  test("starts generation 1 with a put on a store that never had an inventory", async () => {
    const state = await ctx.store.putInventoryRecords([record("jobs", 1)]);

    assert.equal(state.generation, 1);
    assert.deepEqual(await read(ctx.store), {
      ...state,
      records: [record("jobs", 1)],
      complete: true,
    });
  });

  test("refuses an inventory record without a kind it can key or without an id", async () => {
    const bad = [
      { kind: "", id: "x", body: "{}" },
      { kind: "jobs:x", id: "x", body: "{}" },
      { kind: "jobs", id: "", body: "{}" },
    ];
    for (const one of bad) {
      await assert.rejects(ctx.store.putInventoryRecords([one]), TypeError);
    }
    assert.deepEqual(await read(ctx.store), { ...NOTHING, records: [], complete: true });
  });

  test("keeps the inventory across close and reopen", async (t) => {
    if (!ctx.reopen) return void t.skip("this store keeps nothing after close");
    await ctx.store.replaceInventory(records("jobs", 3));
    const state = await ctx.store.putInventoryRecords([record("jobs", 1, "second")]);

    const reopened = await ctx.reopen();

    const expected = [record("jobs", 0), record("jobs", 2), record("jobs", 1, "second")];
    assert.deepEqual(await read(reopened), { ...state, records: expected, complete: true });
    const next = await reopened.putInventoryRecords([record("vms", 1)]);
    assert.ok(next.revision > state.revision && next.generation === state.generation);
  });

  test("round-trips a replace of 50,000 records and then reads only what follows", async () => {
    const written = [...records("taskSessions", 40_000), ...records("jobSessions", 10_000)];

    const state = await ctx.store.replaceInventory(written);
    const changes = await read(ctx.store);
    assert.equal(changes.records.length, written.length);
    assert.deepEqual(changes, { ...state, records: written, complete: true });

    const later = [record("jobSessions", 3, "second"), record("jobSessions", 50_001)];
    const next = await ctx.store.putInventoryRecords(later);
    assert.deepEqual(await read(ctx.store, state), { ...next, records: later, complete: false });
  });

  test("gives concurrent puts from two nodes distinct revisions and loses none", async () => {
    const other = ctx.sibling ? await ctx.sibling() : ctx.store;
    await ctx.store.replaceInventory([]);
    const seen = stateOf(await read(other));

    const puts = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? ctx.store : other).putInventoryRecords([record("jobs", i), record("vms", i)]),
    );
    const states = await Promise.all(puts);

    const revisions = states.map((state) => state.revision);
    assert.equal(new Set(revisions).size, revisions.length, "every put has its own revision");
    const changes = await read(ctx.store, seen);
    assert.equal(changes.complete, false);
    assert.equal(changes.revision, Math.max(...revisions));
    assert.equal(changes.records.length, 40);
    // Each put's two records arrive together, in the order of the puts' revisions.
    const order = states
      .map((state, i) => ({ revision: state.revision, i }))
      .sort((a, b) => a.revision - b.revision)
      .flatMap(({ i }) => [record("jobs", i), record("vms", i)]);
    assert.deepEqual(changes.records, order);
  });

  test("writes a seed as generation 1 to a store that never had an inventory", async () => {
    const seed = [...records("jobs", 2), record("vms", 1)];

    const state = await ctx.store.seedInventory(seed);

    assert.equal(state?.generation, 1);
    assert.deepEqual(await read(ctx.store), { ...state, records: seed, complete: true });
  });

  test("writes no seed over an inventory, even an empty one or one that was only put", async () => {
    await ctx.store.putInventoryRecords([record("jobs", 1)]);
    assert.equal(await ctx.store.seedInventory(records("vms", 3)), null);
    await ctx.store.replaceInventory([]);
    assert.equal(await ctx.store.seedInventory(records("vms", 3)), null);

    const changes = await read(ctx.store);
    assert.deepEqual(changes.records, []);
    assert.equal(changes.generation, 2, "the refused seeds started no generation");
  });

  test("lands exactly one of the seeds two nodes write at once", async () => {
    const other = ctx.sibling ? await ctx.sibling() : ctx.store;
    // One big enough to be written in several steps where a store does that.
    const seeds = [records("jobs", 5000), records("vms", 2)];

    const states = await Promise.all([
      ctx.store.seedInventory(seeds[0]),
      other.seedInventory(seeds[1]),
    ]);

    const landed = states.findIndex((state) => state !== null);
    assert.equal(states.filter((state) => state !== null).length, 1, "one seed lands");
    const changes = await read(other);
    assert.equal(changes.generation, 1);
    assert.deepEqual(changes.records, seeds[landed]);
  });

  test("raises StoreUnavailable for the inventory once closed", async () => {
    const store = ctx.store;

    await ctx.close();

    await assert.rejects(read(store), StoreUnavailable);
    await assert.rejects(store.putInventoryRecords([record("jobs", 1)]), StoreUnavailable);
    await assert.rejects(store.replaceInventory([record("jobs", 1)]), StoreUnavailable);
    await assert.rejects(store.seedInventory([record("jobs", 1)]), StoreUnavailable);
  });
}
