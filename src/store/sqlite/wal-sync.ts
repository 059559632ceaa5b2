import { open } from "node:fs/promises";

/**
 * Makes committed WAL frames durable off the event loop. A commit with `synchronous = FULL`
 * syncs the WAL inside the commit, on the thread that committed; on a disk that is busy
 * writing something else (a large log, say) that sync took over 100 ms and stalled every
 * request. So the store commits a logon or a logout without a sync of its own and then waits,
 * without blocking, for this `fsync` of the WAL on libuv's thread pool. It syncs exactly what
 * FULL syncs: frames that a checkpoint copied into the database file meanwhile are synced by
 * that checkpoint first.
 *
 * Callers share syncs: one that asks while a sync is running waits for the next one, which
 * starts after it asked and serves everyone who asked in the meantime.
 */
export class WalSync {
  readonly #walFile: string;
  readonly #fsync: (path: string) => Promise<void>;
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;

  /** `fsync` is for tests, which watch when syncs start and end. */
  constructor(walFile: string, fsync = fsyncFile) {
    this.#walFile = walFile;
    this.#fsync = fsync;
  }

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (this.#running === undefined) {
      const running = this.#fsync(this.#walFile).finally(() => {
        if (this.#running === running) this.#running = undefined;
      });
      this.#running = running;
      return running;
    }
    // The running sync may have started before the caller's commit.
    this.#next ??= this.#running
      .catch(() => {})
      .then(() => {
        this.#next = undefined;
        return this.sync();
      });
    return this.#next;
  }
}

async function fsyncFile(path: string): Promise<void> {
  const file = await open(path, "r");
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
