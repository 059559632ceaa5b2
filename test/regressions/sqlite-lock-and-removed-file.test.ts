import assert from "node:assert/strict";
import { mkdtemp, rm, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import Database from "better-sqlite3";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { StoreUnavailable } from "../../src/store/store.js";

// Found by trying to break emrest: a lock held by another process on the SQLite file froze the
// whole server for up to 5 s per waiting statement, and a deleted database file went on
// taking writes that vanished at the next start.
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "emrest-sqlite-"));
});
after(() => rm(dir, { recursive: true, force: true }));

test("a lock held elsewhere fails writes with StoreUnavailable without stalling the event loop", async () => {
  const path = join(dir, "locked.db");
  const store = new SqliteStore(path, { busyTimeoutMs: 600 });
  await store.migrate();
  const other = new Database(path);
  other.exec("BEGIN IMMEDIATE");

  let longestGap = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);

  const started = performance.now();
  await assert.rejects(store.addTenant({ name: "t", passwordHash: "x" }), StoreUnavailable);
  const waited = performance.now() - started;
  clearInterval(ticker);
  other.exec("ROLLBACK");
  other.close();

  assert.ok(waited >= 500, `gave up after ${waited} ms, before its busy timeout`);
  assert.ok(longestGap < 60, `the event loop stalled for ${longestGap.toFixed(0)} ms`);
  await store.addTenant({ name: "t", passwordHash: "x" });
  await store.close();
});

test("a database file removed while open makes calls fail with StoreUnavailable", async () => {
  const path = join(dir, "removed.db");
  const store = new SqliteStore(path);
  await store.migrate();
  await store.listAccounts();

  await unlink(path);
  await sleep(1100);
  await assert.rejects(store.addTenant({ name: "lost", passwordHash: "x" }), StoreUnavailable);
  await assert.rejects(store.findSession(Buffer.alloc(32), Date.now()), StoreUnavailable);
  await store.close();
});
