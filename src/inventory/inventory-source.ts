import type { Logger } from "pino";

import type {
  InventoryChanges,
  InventoryRecord,
  InventoryState,
  InventoryStore,
} from "../store/store.js";
import {
  applyRecords,
  emptyPlacedInventory,
  inventoryRecords,
  type PlacedInventory,
} from "./apply-records.js";
import type { Inventory } from "./model.js";
import { InventoryView } from "./view.js";

export interface InventorySourceOptions {
  store: InventoryStore;
  /** The inventory written to a store that never had one (generation 0); none when absent. */
  seed?: () => Inventory;
  logger: Logger;
  /** How often the store is asked whether the inventory moved; a second by default. */
  checkEveryMs?: number;
  /**
   * How long a check's read may take before it counts as failed; a minute by default, which
   * leaves room for reading a big inventory whole (each page is bounded by the store's own
   * time-outs; this catches a read that never ends).
   */
  readTimeoutMs?: number;
}

type State = { generation: number; revision: number };

interface Loaded {
  view: InventoryView;
  placed: PlacedInventory;
  seen: State;
}

/**
 * One node's copy of the inventory in the store, as an `InventoryView` for the handlers.
 * About once a second it asks the store for what was written since it last looked: a few
 * records are applied to a copy, a new generation is read in full. Either way the new view
 * replaces the old in one step once it is whole, so no request sees a half-applied change.
 * Reads and applies run one at a time, in the order they were asked for.
 *
 * Handlers never wait for the store to read: while it is down or slow, the last view is
 * served and the outage is logged once; the next check that succeeds catches up.
 */
export class InventorySource {
  readonly #options: InventorySourceOptions;
  readonly #checkEveryMs: number;
  readonly #readTimeoutMs: number;
  #loaded: Loaded = nothingLoaded();
  /** The end of the line of checks; each starts when the one before has ended. */
  #tail: Promise<unknown> = Promise.resolve();
  /** A check in line that has not started yet: whoever asks now may join it. */
  #queued: Promise<InventoryView> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #failing = false;
  #closed = false;

  constructor(options: InventorySourceOptions) {
    this.#options = options;
    this.#checkEveryMs = options.checkEveryMs ?? 1000;
    this.#readTimeoutMs = options.readTimeoutMs ?? 60_000;
  }

  /**
   * Writes the seed to a store that never had an inventory, reads the inventory and starts
   * the checks. Rejects (with `StoreUnavailable`) when the store cannot be read.
   */
  async start(): Promise<void> {
    const { store, seed, logger } = this.#options;
    const nothing = this.#loaded.seen;
    let first = await store.readInventory(nothing);
    if (first.generation === 0 && seed !== undefined) {
      const seeded = await store.seedInventory(inventoryRecords(seed()));
      if (seeded) logger.info(seeded, "the store had no inventory: wrote the starting one");
      first = await store.readInventory(nothing);
    }

    await this.#inLine(() => this.#apply(first));
    this.#schedule();
  }

  /** The inventory as this node last read it; never waits. */
  view(): InventoryView {
    return this.#loaded.view;
  }

  /** The view with the generation and revision it was read at, for `putIfUnchanged`. */
  current(): { view: InventoryView; seen: InventoryState } {
    const { view, seen } = this.#loaded;
    return { view, seen };
  }

  /**
   * Writes records through the store, then gives a view that shows them: read back from the
   * store with everything written before them, or, if that read fails, applied here.
   */
  async put(records: InventoryRecord[]): Promise<InventoryView> {
    const written = await this.#options.store.putInventoryRecords(records);
    return await this.#showWrite(written, records);
  }

  /**
   * `put`, only while the store's inventory is still at `seen` (from `current`); null, with
   * nothing written, when anyone wrote since.
   */
  async putIfUnchanged(
    records: InventoryRecord[],
    seen: InventoryState,
  ): Promise<InventoryView | null> {
    const written = await this.#options.store.putInventoryRecordsIfUnchanged(records, seen);
    return written && (await this.#showWrite(written, records));
  }

  async #showWrite(written: InventoryState, records: InventoryRecord[]): Promise<InventoryView> {
    try {
      return await this.#nextCheck();
    } catch (error) {
      this.#options.logger.warn(
        { err: error, ...written },
        "could not read the inventory back after a write; showing the write on this node only",
      );
      return await this.#inLine(() => this.#applyLocally(written, records));
    }
  }

  /** Asks the store now and gives the view after it; rejects when it cannot be read. */
  refresh(): Promise<InventoryView> {
    return this.#nextCheck();
  }

  /** Stops the checks; one under way ends on its own, and its result is dropped. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  /** A check that starts after every one asked for so far, shared by all who ask before. */
  #nextCheck(): Promise<InventoryView> {
    this.#queued ??= this.#inLine(() => {
      this.#queued = undefined;
      return this.#check();
    });
    return this.#queued;
  }

  #inLine<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(step);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #check(): Promise<InventoryView> {
    const changes = await this.#read(this.#loaded.seen);
    if (!this.#closed) await this.#apply(changes);
    return this.view();
  }

  /** A read that gives up after the timeout; a late answer is then dropped unapplied. */
  async #read(since: State): Promise<InventoryChanges> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the store did not answer within ${this.#readTimeoutMs} ms`)),
        this.#readTimeoutMs,
      );
    });
    try {
      return await Promise.race([this.#options.store.readInventory(since), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async #apply(changes: InventoryChanges): Promise<void> {
    const seen = { generation: changes.generation, revision: changes.revision };
    if (unchanged(changes, this.#loaded.seen)) {
      this.#loaded = { ...this.#loaded, seen };
      return;
    }
    if (changes.generation < this.#loaded.seen.generation) this.#warnReset(changes);

    const base = changes.complete ? emptyPlacedInventory() : this.#loaded.placed;
    const { placed, skipped } = await applyRecords(base, changes.records);
    this.#loaded = { view: new InventoryView(placed.inventory), placed, seen };

    const counts = { ...seen, records: changes.records.length, complete: changes.complete };
    const logger = this.#options.logger;
    if (changes.complete) logger.info(counts, "read the whole inventory");
    else logger.debug(counts, "applied inventory changes");
    if (skipped > 0) logger.warn({ skipped }, "skipped inventory records of unknown kinds");
  }

  /** Generations only grow: a lower one means the store lost its data (Redis restarted empty). */
  #warnReset(changes: InventoryChanges): void {
    const was = this.#loaded.seen.generation;
    this.#options.logger.warn(
      { generation: changes.generation, was, records: changes.records.length },
      "the store's inventory went back to an older generation: it was reset or emptied",
    );
  }

  /**
   * Shows a write this node made without reading it back. What was seen stays as it was, so
   * the next check reads the write again, with anything written before it.
   */
  async #applyLocally(written: State, records: InventoryRecord[]): Promise<InventoryView> {
    if (written.generation === this.#loaded.seen.generation) {
      const { placed } = await applyRecords(this.#loaded.placed, records);
      this.#loaded = { ...this.#loaded, view: new InventoryView(placed.inventory), placed };
    }
    return this.view();
  }

  #schedule(): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => void this.#tick(), this.#checkEveryMs);
    // The checks never keep the process alive on their own.
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    try {
      await this.#nextCheck();
      if (this.#failing) this.#options.logger.info("the inventory is read from the store again");
      this.#failing = false;
    } catch (error) {
      if (!this.#failing && !this.#closed) {
        this.#options.logger.warn(
          { err: error },
          "could not check the store for inventory changes; serving the last inventory read",
        );
      }
      this.#failing = true;
    }
    this.#schedule();
  }
}

/**
 * Whether a read brings nothing new: no changes, or an empty store (generation 0) read whole
 * again by a node that already holds its empty inventory.
 */
function unchanged(changes: InventoryChanges, seen: State): boolean {
  if (changes.records.length > 0) return false;
  return !changes.complete || (changes.generation === 0 && seen.generation === 0);
}

/** Until the first read: an empty view, and a state that makes the read a whole one. */
function nothingLoaded(): Loaded {
  const placed = emptyPlacedInventory();
  const seen = { generation: 0, revision: 0 };
  return { view: new InventoryView(placed.inventory), placed, seen };
}
