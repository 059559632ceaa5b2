import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import pino from "pino";

import { InventorySource } from "../../src/inventory/inventory-source.js";
import { emptyInventory, type Inventory } from "../../src/inventory/model.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { StoreUnavailable, type InventoryRecord, type Store } from "../../src/store/store.js";
import { FailingStore } from "../helpers/failing-store.js";
import { sharedStoreKinds } from "../helpers/shared-stores.js";

const JOB = "11111111-0000-4000-8000-000000000001";
const OTHER_JOB = "11111111-0000-4000-8000-000000000002";
const VM = "22222222-0000-4000-8000-000000000001";

function job(id: string, name: string): InventoryRecord {
  return { kind: "jobs", id, body: JSON.stringify({ id, name }) };
}

function vm(id: string, name: string): InventoryRecord {
  return { kind: "vms", id, body: JSON.stringify({ id, name }) };
}

/** An inventory holding these records' objects, as a seed. */
function seedOf(...records: InventoryRecord[]): () => Inventory {
  return () => {
    const inventory = emptyInventory() as unknown as Record<string, unknown[]>;
    for (const record of records) inventory[record.kind].push(JSON.parse(record.body));
    return inventory as unknown as Inventory;
  };
}

/** A source over `store` that checks every 20 ms, with its log lines collected. */
function sourceOver(store: Store, seed?: () => Inventory, readTimeoutMs?: number) {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        logs.push(JSON.parse(line));
      }
      done();
    },
  });
  const logger = pino({ level: "info" }, sink);
  const source = new InventorySource({ store, seed, logger, checkEveryMs: 20, readTimeoutMs });
  return { source, logs };
}

const names = (items: readonly { name?: string }[]) => items.map((item) => item.name);
const jobNames = (source: InventorySource) => names(source.view().all("jobs"));
const warnings = (logs: Record<string, unknown>[]) => logs.filter((line) => line.level === 40);

describe("the inventory source", () => {
  it("writes the seed to a store that never had an inventory, and serves it", async () => {
    const store = new MemoryStore();
    const { source } = sourceOver(store, seedOf(job(JOB, "Daily"), vm(VM, "dc01")));

    await source.start();

    assert.deepEqual(jobNames(source), ["Daily"]);
    assert.equal(source.view().get("vms", VM.toUpperCase())?.name, "dc01");
    assert.equal((await store.readInventory({ generation: 0, revision: 0 })).generation, 1);
    source.close();
  });

  it("leaves a store that has an inventory as it is, even an empty one", async () => {
    const store = new MemoryStore();
    await store.replaceInventory([]);
    const { source } = sourceOver(store, seedOf(job(JOB, "Daily")));

    await source.start();

    assert.deepEqual(source.view().all("jobs"), []);
    assert.equal((await store.readInventory({ generation: 0, revision: 0 })).generation, 1);
    source.close();
  });

  it("serves an empty inventory from an empty store when it has no seed, writing nothing", async () => {
    const store = new MemoryStore();
    const { source } = sourceOver(store);

    await source.start();

    assert.deepEqual(source.view().counts().jobs, 0);
    assert.equal((await store.readInventory({ generation: 0, revision: 0 })).generation, 0);
    source.close();
  });

  it("shows records put in the store within its check interval, in a new view", async () => {
    const store = new MemoryStore();
    const { source } = sourceOver(store, seedOf(job(JOB, "Daily"), job(OTHER_JOB, "Weekly")));
    await source.start();
    const before = source.view();

    await store.putInventoryRecords([job(JOB, "Daily (renamed)"), vm(VM, "dc01")]);
    await sleep(100);

    const after = source.view();
    assert.deepEqual(names(after.all("jobs")), ["Daily (renamed)", "Weekly"]);
    assert.equal(after.get("vms", VM)?.name, "dc01");
    assert.deepEqual(names(before.all("jobs")), ["Daily", "Weekly"], "the old view is unchanged");
    source.close();
  });

  it("reads everything again after a replace, so dropped objects disappear", async () => {
    const store = new MemoryStore();
    const { source } = sourceOver(store, seedOf(job(JOB, "Daily"), vm(VM, "dc01")));
    await source.start();

    await store.replaceInventory([job(OTHER_JOB, "Weekly")]);
    const view = await source.refresh();

    assert.deepEqual(names(view.all("jobs")), ["Weekly"]);
    assert.equal(view.get("vms", VM), undefined);
    assert.equal(view.get("jobs", JOB), undefined);
    source.close();
  });

  it("gives a view with its own write at once, and what others wrote before it", async () => {
    const store = new MemoryStore();
    const { source } = sourceOver(store, seedOf(job(JOB, "Daily")));
    await source.start();
    await store.putInventoryRecords([vm(VM, "dc01")]); // another node's write

    const view = await source.put([job(OTHER_JOB, "Weekly")]);

    assert.deepEqual(names(view.all("jobs")), ["Daily", "Weekly"]);
    assert.equal(view.get("vms", VM)?.name, "dc01");
    assert.equal(source.view(), view);
    source.close();
  });

  it("still shows its own write when the store cannot be read back after it", async () => {
    const store = new FailingStore(new MemoryStore());
    const { source, logs } = sourceOver(store, seedOf(job(JOB, "Daily")));
    await source.start();
    store.fail("readInventory");

    const view = await source.put([job(JOB, "Daily (renamed)")]);

    assert.deepEqual(names(view.all("jobs")), ["Daily (renamed)"]);
    assert.ok(warnings(logs).length > 0);
    store.recover();
    assert.deepEqual(names((await source.refresh()).all("jobs")), ["Daily (renamed)"]);
    source.close();
  });

  it("rejects a write the store refuses, and shows nothing of it", async () => {
    const store = new FailingStore(new MemoryStore());
    const { source } = sourceOver(store, seedOf(job(JOB, "Daily")));
    await source.start();
    store.fail("putInventoryRecords");

    await assert.rejects(source.put([job(JOB, "Daily (renamed)")]), StoreUnavailable);

    assert.deepEqual(jobNames(source), ["Daily"]);
    source.close();
  });

  it("serves the last inventory while the store is down, logs it once, then catches up", async () => {
    const store = new FailingStore(new MemoryStore());
    const { source, logs } = sourceOver(store, seedOf(job(JOB, "Daily")));
    await source.start();

    store.fail("readInventory");
    await store.inner.putInventoryRecords([job(OTHER_JOB, "Weekly")]);
    await sleep(150);
    assert.deepEqual(jobNames(source), ["Daily"]);
    assert.equal(warnings(logs).length, 1, "one warning for the outage");
    await assert.rejects(source.refresh(), StoreUnavailable);

    store.recover();
    await sleep(100);
    assert.deepEqual(jobNames(source), ["Daily", "Weekly"]);
    assert.ok(logs.some((line) => /read from the store again/.test(String(line.msg))));
    source.close();
  });

  it("gives up on a read that hangs, keeps serving, and catches up once the store answers", async () => {
    const store = new FailingStore(new MemoryStore());
    const { source, logs } = sourceOver(store, seedOf(job(JOB, "Daily")), 100);
    await source.start();

    store.hang(60_000, "readInventory");
    await store.inner.putInventoryRecords([job(OTHER_JOB, "Weekly")]);
    await sleep(300);
    assert.deepEqual(jobNames(source), ["Daily"]);
    const err = warnings(logs)[0]?.err as { message?: string } | undefined;
    assert.match(String(err?.message), /did not answer within 100 ms/);

    store.recover();
    await sleep(100);
    assert.deepEqual(jobNames(source), ["Daily", "Weekly"]);
    source.close();
    await store.close();
  });

  it("applies none of a batch of changes that holds a record it cannot read", async () => {
    const store = new MemoryStore();
    const { source, logs } = sourceOver(store, seedOf(job(JOB, "Daily")));
    await source.start();

    await store.putInventoryRecords([vm(VM, "dc01"), { kind: "jobs", id: JOB, body: "{not json" }]);
    await sleep(100);
    assert.equal(source.view().get("vms", VM), undefined, "the good record waits too");
    assert.equal(source.view().get("jobs", JOB)?.name, "Daily");
    assert.ok(warnings(logs).length > 0);

    await store.putInventoryRecords([job(JOB, "Daily (fixed)")]);
    await sleep(100);
    assert.equal(source.view().get("vms", VM)?.name, "dc01");
    assert.equal(source.view().get("jobs", JOB)?.name, "Daily (fixed)");
    source.close();
  });

  it("skips records of a kind it does not know and says so", async () => {
    const store = new MemoryStore();
    await store.replaceInventory([
      job(JOB, "Daily"),
      { kind: "tapeLibraries", id: "x1", body: "{}" },
    ]);
    const { source, logs } = sourceOver(store);

    await source.start();

    assert.deepEqual(jobNames(source), ["Daily"]);
    assert.ok(logs.some((line) => line.skipped === 1));
    source.close();
  });

  it("refuses to start when the store cannot be read", async () => {
    const store = new FailingStore(new MemoryStore());
    store.fail("readInventory");
    const { source } = sourceOver(store, seedOf(job(JOB, "Daily")));

    await assert.rejects(source.start(), StoreUnavailable);
    assert.equal(store.calls.get("seedInventory") ?? 0, 0, "nothing was written");
  });
});

for (const kind of await sharedStoreKinds()) {
  describe(`two inventory sources on one ${kind.name} store`, { skip: kind.skip }, () => {
    const places = [] as { remove(): Promise<void> }[];
    after(async () => {
      for (const place of places) await place.remove();
    });

    it("start together on an empty store, land one seed, and serve the same inventory", async () => {
      const place = kind.place();
      places.push(place);
      const stores = [await place.open(), await place.open()];
      const sources = [
        sourceOver(stores[0], seedOf(job(JOB, "Daily"))).source,
        sourceOver(stores[1], seedOf(job(OTHER_JOB, "Weekly"))).source,
      ];
      try {
        await Promise.all(sources.map((source) => source.start()));

        const state = await stores[0].readInventory({ generation: 0, revision: 0 });
        assert.equal(state.generation, 1, "one seed, one generation");
        assert.equal(state.records.length, 1);
        assert.deepEqual(jobNames(sources[0]), jobNames(sources[1]));
      } finally {
        for (const source of sources) source.close();
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it("see each other's writes within their checks", async () => {
      const place = kind.place();
      places.push(place);
      const stores = [await place.open(), await place.open()];
      const sources = stores.map((store) => sourceOver(store, seedOf(job(JOB, "Daily"))).source);
      try {
        await sources[0].start();
        await sources[1].start();

        const own = await sources[0].put([job(JOB, "Daily (renamed)"), vm(VM, "dc01")]);
        assert.deepEqual(names(own.all("jobs")), ["Daily (renamed)"]);
        await sleep(200);

        assert.deepEqual(jobNames(sources[1]), ["Daily (renamed)"]);
        assert.equal(sources[1].view().get("vms", VM)?.name, "dc01");
      } finally {
        for (const source of sources) source.close();
        await Promise.all(stores.map((store) => store.close()));
      }
    });
  });
}
