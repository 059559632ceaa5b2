import { statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";

/** What a checkpoint reported: frames in the WAL, and how many of them are in the file. */
export interface WalState {
  log: number;
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  /** How often the WAL is checkpointed when nothing asks sooner. */
  intervalMs?: number;
  /** The WAL's bound; `WAL_LIMIT_BYTES` unless told. */
  limitBytes?: number;
  /** The database's page size, which is a WAL frame's size. */
  pageSize: number;
  /** Called once when the thread fails; the store then checkpoints on its own connection. */
  onFailure: (error: Error) => void;
}

/**
 * The WAL's bound: room for a sweep's batches to be copied back together (a page deleted from
 * in many batches is written once), small beside any disk.
 */
export const WAL_LIMIT_BYTES = 64 * 2 ** 20;

/** How long a RESTART checkpoint may hold the write lock waiting for a reader. */
const RESTART_BUSY_MS = 100;

/** How long a bulk write waits for room before it goes ahead anyway. */
const ROOM_WAIT_MS = 5000;

/**
 * Checkpoints a SQLite file's WAL from a worker thread with its own connection, so neither
 * the copy of pages back into the file nor its sync blocks the event loop. SQLite's own
 * automatic checkpoint runs inside the commit that crosses its threshold, on the thread
 * that committed: in the server that stalled requests for 100-300 ms during a large sweep.
 *
 * Checkpoints are PASSIVE: they copy what they can without waiting for anyone. One that
 * finishes lets the next write start the WAL over from its beginning. Under a steady stream
 * of writes a passive checkpoint may never catch up, so past `limitFrames` the thread asks for
 * a RESTART, which holds writers off for the few frames left. Bulk writes (the expiry sweep)
 * wait in `room()` until the WAL is under the limit or wholly copied; so the WAL stays
 * bounded whoever writes.
 */
export class WalCheckpointer {
  readonly #path: string;
  readonly #timer: NodeJS.Timeout;
  readonly #limitBytes: number;
  readonly #limitFrames: number;
  readonly #walFile: string;
  readonly #onFailure: (error: Error) => void;
  #worker: Worker | undefined;
  #state: WalState = { log: 0, checkpointed: 0 };
  /** Bulk writes noted, and how many had been when the pass that gave `#state` began. */
  #writes = 0;
  #writesBeforeState = 0;
  #running: Promise<WalState> | undefined;
  #reply: ((reply: WalState | undefined) => void) | undefined;
  #failed = false;
  #closing = false;

  constructor(path: string, options: WalCheckpointerOptions) {
    this.#path = path;
    this.#limitBytes = options.limitBytes ?? WAL_LIMIT_BYTES;
    this.#limitFrames = Math.floor(this.#limitBytes / options.pageSize);
    this.#walFile = `${path}-wal`;
    this.#onFailure = options.onFailure;
    this.#timer = setInterval(() => void this.checkpoint(), options.intervalMs ?? 1000);
    this.#timer.unref();
  }

  /** The WAL as the last checkpoint left it. */
  get state(): WalState {
    return this.#state;
  }

  /** Runs a checkpoint unless one is under way; resolves with the state it left. */
  checkpoint(): Promise<WalState> {
    this.#running ??= this.#pass().finally(() => (this.#running = undefined));
    return this.#running;
  }

  /** Says a bulk write was made: checkpoint now rather than at the next tick. */
  noteWrite(): void {
    this.#writes++;
    void this.checkpoint();
  }

  /** Resolves when a bulk write may go ahead without taking the WAL past its limit. */
  async room(): Promise<void> {
    const deadline = Date.now() + ROOM_WAIT_MS;
    // A reader that never lets go (a long backup) is waited for only so long.
    while (!this.#hasRoom() && !this.#failed && Date.now() < deadline) {
      await this.checkpoint();
      if (!this.#hasRoom()) await sleep(5);
    }
  }

  /** Stops checkpointing and closes the thread's connection. */
  async close(): Promise<void> {
    if (this.#closing) return;
    // First, so that no write noted from now on starts a thread.
    this.#closing = true;
    clearInterval(this.#timer);
    await this.#running;
    const worker = this.#worker;
    if (worker === undefined || this.#failed) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.ref();
    worker.postMessage("close");
    await exited;
  }

  #hasRoom(): boolean {
    const { log, checkpointed } = this.#state;
    // Wholly copied with no bulk write since: the next write starts the WAL over.
    const restarts = checkpointed >= log && this.#writes === this.#writesBeforeState;
    return restarts || walBytes(this.#walFile) <= this.#limitBytes;
  }

  async #pass(): Promise<WalState> {
    const writes = this.#writes;
    let state = await this.#ask("PASSIVE");
    if (state && state.log > this.#limitFrames && state.checkpointed < state.log) {
      state = (await this.#ask("RESTART")) ?? state;
    }
    if (state) [this.#state, this.#writesBeforeState] = [state, writes];
    return this.#state;
  }

  /** One request at a time (`#running` sees to it); undefined when it failed. */
  #ask(mode: "PASSIVE" | "RESTART"): Promise<WalState | undefined> {
    if (this.#failed || this.#closing) return Promise.resolve(undefined);
    const worker = (this.#worker ??= this.#start());
    return new Promise((resolve) => {
      this.#reply = resolve;
      // Held only while a reply is awaited: an idle thread must not keep the process alive.
      worker.ref();
      worker.postMessage({ mode });
    });
  }

  /** Started at the first checkpoint: a store opened for one CLI command never needs it. */
  #start(): Worker {
    const worker = new Worker(new URL("./checkpoint-thread.mjs", import.meta.url), {
      workerData: { path: this.#path, busyTimeoutMs: RESTART_BUSY_MS },
      // Plain JavaScript: none of the parent's flags (a tsx loader costs 200 ms a start).
      execArgv: [],
    });
    worker.on("message", (reply: WalState | { error: string }) =>
      this.#settle("error" in reply ? undefined : reply),
    );
    worker.on("error", (error) => this.#fail(threadError(error)));
    worker.on("exit", (code) => {
      if (!this.#closing) this.#fail(new Error(`the checkpoint thread exited with code ${code}`));
    });
    return worker;
  }

  #settle(reply: WalState | undefined): void {
    const resolve = this.#reply;
    this.#reply = undefined;
    this.#worker?.unref();
    resolve?.(reply);
  }

  #fail(error: Error): void {
    if (this.#failed) return;
    this.#failed = true;
    clearInterval(this.#timer);
    this.#settle(undefined);
    this.#onFailure(error);
  }
}

/**
 * The WAL file's size, which is its frames since it last started over: once it has, the
 * first commit cuts a larger file back to `journal_size_limit`, which the store sets to
 * the same limit. One `stat` is cheaper than asking the thread.
 */
function walBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * An error thrown in the thread arrives as a structured clone: a driver's own error class
 * loses its message on the way and keeps only its fields, such as SQLite's `code`.
 */
function threadError(error: unknown): Error {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  const said = [code, message].filter((part) => typeof part === "string" && part !== "");
  return new Error(`the checkpoint thread failed: ${said.join(" ") || "no reason given"}`);
}
