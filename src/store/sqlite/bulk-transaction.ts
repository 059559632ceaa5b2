import { setImmediate as nextTurn } from "node:timers/promises";

import Database from "better-sqlite3";

import { StoreUnavailable } from "../store.js";

export interface BulkOptions {
  path: string;
  /** Takes the write lock, waiting for other connections the way the store does. */
  begin: (db: Database.Database) => Promise<void>;
  /** Whether the store is still open; a write still running when it closes is rolled back. */
  storeOpen: () => boolean;
}

/**
 * Runs a long write (a new inventory of 200,000 records) in one transaction on a connection
 * of its own, letting the event loop run at each yield of `work`. The store's own connection
 * cannot hold a transaction across turns of the loop: the requests served in between would
 * write into it, and their writes would commit or roll back with it.
 *
 * Meanwhile other writers (this store's connection, the CLI, another server) find the database
 * locked and wait, as the store waits for any lock, up to its busy timeout; readers go on.
 * The commit still holds the loop for its sync (about 75 ms for 60 MB here). This connection
 * never checkpoints: the store's `WalCheckpointer` copies the write into the file afterwards,
 * on a thread of its own.
 */
export async function runBulkTransaction<T>(
  options: BulkOptions,
  work: (db: Database.Database) => Generator<void, T>,
): Promise<T> {
  const db = new Database(options.path);
  try {
    db.pragma(`busy_timeout = 10`);
    // The commit is what the caller waits for: it reaches the disk before the promise resolves.
    db.pragma("synchronous = FULL");
    // SQLite's own checkpoint would run inside COMMIT, on the event loop: 160 ms for 60 MB.
    db.pragma("wal_autocheckpoint = 0");
    await options.begin(db);
    try {
      const steps = work(db);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          db.exec("COMMIT");
          return step.value;
        }
        await nextTurn();
        if (!options.storeOpen()) throw new StoreUnavailable("the SQLite store was closed");
      }
    } finally {
      if (db.inTransaction) db.exec("ROLLBACK");
    }
  } finally {
    db.close();
  }
}
