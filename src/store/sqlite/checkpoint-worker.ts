import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/**
 * Copies a big write from the WAL into the database file on a thread of its own. SQLite does
 * this itself at the end of a commit that leaves the WAL long, on the committing thread:
 * after a new inventory of 200,000 records (60 MB) that took about 160 ms here, during which
 * no request was served. A bulk write turns that off for its connection (`wal_autocheckpoint
 * = 0`) and calls `run()` after its commit instead.
 *
 * The copy is housekeeping, not durability: the commit is already on disk in the WAL. So a
 * checkpoint that fails or never runs (the process exits first) loses nothing; SQLite
 * checkpoints at its next chance. While this one runs, other connections' automatic
 * checkpoints find it busy and skip, rather than waiting.
 */
export class CheckpointWorker {
  readonly #worker: Worker;

  /** Starts the thread now, so it is ready once the commit is done. */
  constructor(path: string) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(SOURCE, { eval: true, workerData: { path, driver } });
    // Nothing to do about a failure: the WAL is checkpointed later by SQLite itself.
    this.#worker.on("error", () => {});
    this.#worker.unref();
  }

  /** Checkpoints once and ends the thread. */
  run(): void {
    this.#worker.postMessage("checkpoint");
  }

  /** Ends the thread without a checkpoint, when the write did not commit. */
  cancel(): void {
    void this.#worker.terminate();
  }
}

/** CommonJS, as `eval` workers are; the driver's path comes in resolved. */
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
parentPort.once("message", () => {
  const db = new Database(workerData.path);
  try {
    db.pragma("busy_timeout = 1000");
    db.pragma("wal_checkpoint(PASSIVE)");
  } finally {
    db.close();
    parentPort.close();
  }
});
`;
