import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import Database from "better-sqlite3";

import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { WalCheckpointer } from "../../src/store/sqlite/wal-checkpointer.js";
import { addAccount, keyHash, sessionOf } from "./contract/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "emrest-wal-"));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshPath = () => join(dir, `wal-${++files}.db`);

/** A connection set up as the store sets up its own: WAL, no automatic checkpoint. */
function openWriter(path: string, limitBytes: number): Database.Database {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.pragma(`journal_size_limit = ${limitBytes}`);
  db.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body BLOB)");
  return db;
}

function walBytes(path: string): number {
  return existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
}

describe("WAL checkpoints on a thread of their own", () => {
  it("keeps the WAL near its limit while bulk writes wait for room", async () => {
    const path = freshPath();
    const limitBytes = 1 * 2 ** 20;
    const db = openWriter(path, limitBytes);
    const checkpointer = new WalCheckpointer(path, {
      limitBytes,
      pageSize: Number(db.pragma("page_size", { simple: true })),
      onFailure: (error) => assert.fail(error),
    });
    const insert = db.prepare("INSERT INTO t (body) VALUES (?)");
    const batch = db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(Buffer.alloc(400, i));
    });

    // 100 batches of about 230 kB each: 23 MB of WAL if nothing were copied back.
    let largest = 0;
    for (let i = 0; i < 100; i++) {
      await checkpointer.room();
      batch();
      checkpointer.noteWrite();
      largest = Math.max(largest, walBytes(path));
    }
    await checkpointer.close();
    db.close();

    // The limit, plus the one batch that may go ahead at the edge of it.
    assert.ok(largest < limitBytes + 400_000, `the WAL grew to ${largest} bytes`);
  });

  it("leaves every session in the database file once the store is closed", async () => {
    const path = freshPath();
    const store = new SqliteStore(path);
    await store.migrate();
    const admin = await addAccount(store, "Administrator");
    const now = Date.now();
    for (let i = 0; i < 200; i++) {
      await store.createSession(sessionOf(admin, now, { keyHash: keyHash(`file:${i}`) }));
    }
    await store.close();

    assert.equal(walBytes(path), 0, "nothing is left in a WAL");
    const db = new Database(path, { readonly: true });
    try {
      assert.deepEqual(db.prepare("SELECT count(*) AS n FROM sessions").get(), { n: 200 });
    } finally {
      db.close();
    }
  });

  it("reports a thread that cannot start once, and lets bulk writes go ahead", async () => {
    const failures: Error[] = [];
    const checkpointer = new WalCheckpointer(join(dir, "no-such-file.db"), {
      pageSize: 4096,
      onFailure: (error) => failures.push(error),
    });

    await checkpointer.checkpoint();
    await checkpointer.room();
    await checkpointer.checkpoint();
    await checkpointer.close();

    assert.equal(failures.length, 1);
    assert.match(String(failures[0]?.message), /SQLITE_CANTOPEN/);
  });
});
