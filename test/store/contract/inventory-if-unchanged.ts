import assert from "node:assert/strict";

import { StoreUnavailable, type Store } from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";
import { record, records } from "./inventory.js";

const NOTHING = { generation: 0, revision: 0 };

/** Where the inventory stands, as a node learns it from a read. */
async function stateOf(store: Store) {
  const { generation, revision } = await store.readInventory(NOTHING);
  return { generation, revision };
}

/** The conditional put nodes use to act on what they read, and only if nobody wrote since. */
export function inventoryIfUnchangedTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("writes a put made on the inventory's current revision, as a plain put", async () => {
    await ctx.store.replaceInventory(records("jobs", 2));
    const seen = await stateOf(ctx.store);

    const written = await ctx.store.putInventoryRecordsIfUnchanged([record("vms", 1)], seen);

    assert.equal(written?.generation, seen.generation);
    assert.ok(written!.revision > seen.revision);
    const changes = await ctx.store.readInventory(seen);
    assert.deepEqual(changes, { ...written, records: [record("vms", 1)], complete: false });
  });

  test("writes nothing and says so when a put's revision is stale", async () => {
    await ctx.store.replaceInventory(records("jobs", 2));
    const seen = await stateOf(ctx.store);
    const other = await ctx.store.putInventoryRecords([record("jobs", 0, "second")]);

    const written = await ctx.store.putInventoryRecordsIfUnchanged([record("jobs", 1)], seen);

    assert.equal(written, null);
    const changes = await ctx.store.readInventory(seen);
    assert.deepEqual(changes, {
      ...other,
      records: [record("jobs", 0, "second")],
      complete: false,
    });
  });

  test("writes nothing for a put made on a generation a replace has ended", async () => {
    await ctx.store.replaceInventory(records("jobs", 2));
    const seen = await stateOf(ctx.store);
    const replaced = await ctx.store.replaceInventory([record("vms", 3)]);

    const written = await ctx.store.putInventoryRecordsIfUnchanged([record("jobs", 5)], seen);

    assert.equal(written, null);
    const changes = await ctx.store.readInventory(NOTHING);
    assert.deepEqual(changes, { ...replaced, records: [record("vms", 3)], complete: true });
  });

  test("starts generation 1 with a put made on a store that never had an inventory", async () => {
    const written = await ctx.store.putInventoryRecordsIfUnchanged([record("jobs", 1)], NOTHING);

    assert.equal(written?.generation, 1);
    assert.deepEqual(await ctx.store.readInventory(NOTHING), {
      ...written,
      records: [record("jobs", 1)],
      complete: true,
    });
  });

  test("lands exactly one of the puts two nodes make at once on the same revision", async () => {
    const other = ctx.sibling ? await ctx.sibling() : ctx.store;
    await ctx.store.replaceInventory(records("jobs", 2));
    const seen = await stateOf(other);

    const puts = Array.from({ length: 10 }, (_, i) =>
      (i % 2 === 0 ? ctx.store : other).putInventoryRecordsIfUnchanged(
        [record("jobSessions", i), record("tasks", i)],
        seen,
      ),
    );
    const states = await Promise.all(puts);

    const landed = states.flatMap((state, i) => (state === null ? [] : [i]));
    assert.equal(landed.length, 1, "one put lands");
    const changes = await other.readInventory(seen);
    assert.deepEqual(changes, {
      ...states[landed[0]],
      records: [record("jobSessions", landed[0]), record("tasks", landed[0])],
      complete: false,
    });
  });

  test("raises StoreUnavailable for a put made on a revision once closed", async () => {
    const store = ctx.store;

    await ctx.close();

    await assert.rejects(
      store.putInventoryRecordsIfUnchanged([record("jobs", 1)], NOTHING),
      StoreUnavailable,
    );
  });
}
