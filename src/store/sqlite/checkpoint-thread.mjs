// @ts-check
/**
 * The thread that checkpoints the SQLite store's WAL, with a connection of its own, so the
 * copy of pages into the database file and its sync never run on the event loop. It does
 * what it is asked and nothing else; `wal-checkpointer.ts` decides when and in which mode.
 *
 * Plain JavaScript on purpose: a worker thread does not inherit the tsx loader that runs
 * emrest's TypeScript sources on Node 20.
 */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";

import Database from "better-sqlite3";

const MODES = new Set(["PASSIVE", "RESTART"]);

/** @type {{ path: string, busyTimeoutMs: number }} */
const { path, busyTimeoutMs } = workerData;

// fileMustExist: the store created the file; a file removed since is not made anew here.
const db = new Database(path, { fileMustExist: true });
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
// The checkpoint syncs the WAL before it copies and the database file after, as the server's.
db.pragma("synchronous = FULL");
// This connection writes nothing; it must not checkpoint on its own schedule either.
db.pragma("wal_autocheckpoint = 0");

// Requests come first, as for every helper thread of `serve` (src/thread-priority.ts). On
// Linux, a priority set for "this process" from a thread applies to that thread alone.
try {
  if (process.platform === "linux") setPriority(19);
} catch {
  // Not allowed here: checkpoint at the usual priority.
}

const port = /** @type {import("node:worker_threads").MessagePort} */ (parentPort);

port.on("message", (/** @type {{ mode: string } | "close"} */ request) => {
  if (request === "close") {
    db.close();
    port.close();
    return;
  }
  if (!MODES.has(request.mode)) throw new Error(`unknown checkpoint mode ${request.mode}`);
  try {
    const [row] = /** @type {{ busy: number, log: number, checkpointed: number }[]} */ (
      db.pragma(`wal_checkpoint(${request.mode})`)
    );
    port.postMessage({ busy: row.busy === 1, log: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
