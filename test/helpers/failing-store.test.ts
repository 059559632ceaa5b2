import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { StoreUnavailable } from "../../src/store/store.js";
import { FailingStore } from "./failing-store.js";

describe("FailingStore", () => {
  it("passes calls through until told to fail", async () => {
    const store = new FailingStore(new MemoryStore());
    const acme = await store.addTenant({ name: "Acme", passwordHash: "x" });

    assert.deepEqual(await store.findTenant("acme"), acme);
    assert.equal(store.calls.get("findTenant"), 1);
    await store.close();
  });

  it("fails only the methods named, and every method when none is named", async () => {
    const store = new FailingStore(new MemoryStore());
    store.fail("findTenant");

    await assert.rejects(store.findTenant("acme"), StoreUnavailable);
    assert.deepEqual(await store.listTenants(), []);

    store.fail();
    await assert.rejects(store.listTenants(), StoreUnavailable);
    await assert.rejects(store.migrate(), StoreUnavailable);
    store.recover();
    assert.deepEqual(await store.listTenants(), []);
    await store.close();
  });

  it("answers late when told to hang", async () => {
    const store = new FailingStore(new MemoryStore());
    store.hang(150, "listAccounts");

    const started = performance.now();
    assert.deepEqual(await store.listAccounts(), []);
    assert.ok(performance.now() - started >= 140, "the call waited");
    await store.close();
  });

  it("rejects hanging calls when closed", async () => {
    const store = new FailingStore(new MemoryStore());
    store.hang(60_000);

    const pending = store.listSessions();
    await store.close();

    await assert.rejects(pending, StoreUnavailable);
  });
});
