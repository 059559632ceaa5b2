import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";

import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { WalSync } from "../../src/store/sqlite/wal-sync.js";
import { StoreUnavailable } from "../../src/store/store.js";
import { addAccount, sessionOf } from "./contract/fixtures.js";

/** An fsync the test finishes by hand, one call at a time, in the order they began. */
function heldSyncs() {
  const started: { path: string; finish: () => void; fail: (error: Error) => void }[] = [];
  const fsync = (path: string) =>
    new Promise<void>((resolve, reject) => started.push({ path, finish: resolve, fail: reject }));
  return { started, fsync };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function watch(promise: Promise<void>) {
  const state = { done: false, failed: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error) => (state.failed = error),
  );
  return state;
}

describe("WalSync", () => {
  it("makes a caller who asks during a sync wait for the next one, shared with others", async () => {
    const { started, fsync } = heldSyncs();
    const wal = new WalSync("/data/emrest.db-wal", fsync);

    const first = watch(wal.sync());
    await settle();
    const [second, third] = [watch(wal.sync()), watch(wal.sync())];
    assert.equal(started.length, 1, "one sync runs at a time");

    started[0]!.finish();
    await settle();
    assert.equal(first.done, true);
    assert.equal(second.done, false, "the sync that ended began before the second asked");
    assert.equal(started.length, 2, "a second sync began once the first ended");
    assert.equal(started[1]!.path, "/data/emrest.db-wal");

    started[1]!.finish();
    await settle();
    assert.deepEqual([second.done, third.done, started.length], [true, true, 2]);
  });

  it("fails only the callers of the sync that failed, and syncs again for the next", async () => {
    const { started, fsync } = heldSyncs();
    const wal = new WalSync("/data/emrest.db-wal", fsync);

    const first = watch(wal.sync());
    await settle();
    const second = watch(wal.sync());
    started[0]!.fail(new Error("EIO"));
    await settle();
    assert.equal((first.failed as Error).message, "EIO");
    assert.equal(second.failed, undefined);

    started[1]!.finish();
    await settle();
    assert.equal(second.done, true);
    const third = watch(wal.sync());
    started[2]!.finish();
    await settle();
    assert.equal(third.done, true);
  });
});

describe("a SQLite store whose WAL cannot be synced", () => {
  it("answers a logon with StoreUnavailable rather than acknowledge it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emrest-walsync-"));
    const path = join(dir, "emrest.db");
    const store = new SqliteStore(path);
    try {
      await store.migrate();
      const alice = await addAccount(store, "alice");
      const kept = sessionOf(alice, Date.now());
      await store.createSession(kept);

      // SQLite writes on into the file it has open; nothing on disk would hold the logon.
      rmSync(`${path}-wal`);
      await assert.rejects(
        store.createSession(sessionOf(alice, Date.now() + 1)),
        (error) =>
          error instanceof StoreUnavailable && /syncing the WAL failed/.test(error.message),
      );
      await assert.rejects(store.deleteSession(kept.keyHash), StoreUnavailable);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
