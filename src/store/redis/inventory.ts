import { randomUUID } from "node:crypto";

import { readInPages, type InventoryPage } from "../inventory-pages.js";
import { recordKey, recordsToWrite, splitRecordKey } from "../inventory-writes.js";
import type { InventoryChanges, InventoryRecord } from "../store.js";
import type { RedisConnection } from "./connection.js";
import { dropAbandonedSlots, FILL_EXPIRY_MS } from "./abandoned-slots.js";
import * as scripts from "./inventory-scripts.js";
import type { RedisKeys } from "./keys.js";

/** Records per command while a new inventory is filled in. */
const FILL_CHUNK = 1000;

type State = { generation: number; revision: number };

/**
 * The inventory in Redis. A put is one script, so it is atomic and takes the next revisions
 * in order. A replace of 200,000 records would be too big for one script (it would stop the
 * server while it ran), so it fills a new slot in chunks, unseen by readers, and a last
 * short script switches to it: readers see the old inventory or the new, never a mix.
 */
export class RedisInventory {
  readonly #redis: RedisConnection;
  readonly #keys: RedisKeys;

  constructor(redis: RedisConnection, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  read(since: State): Promise<InventoryChanges> {
    return readInPages(since, (after, limit) => this.#readPage(after, limit));
  }

  async put(records: InventoryRecord[]): Promise<State> {
    const args = [this.#keys.inventorySlotPrefix, randomUUID()];
    for (const record of await recordsToWrite(records)) args.push(recordKey(record), record.body);
    return toState(await this.#redis.script(scripts.PUT_INVENTORY, [this.#keys.inventory], args));
  }

  /** A put in one script that first checks the state is still `seen`; else null. */
  async putIfUnchanged(records: InventoryRecord[], seen: State): Promise<State | null> {
    const args = [this.#keys.inventorySlotPrefix, randomUUID()];
    args.push(String(seen.generation), String(seen.revision));
    for (const record of await recordsToWrite(records)) args.push(recordKey(record), record.body);
    const keys = [this.#keys.inventory];
    const reply = await this.#redis.script(scripts.PUT_INVENTORY_IF_UNCHANGED, keys, args);
    return reply === null ? null : toState(reply);
  }

  replace(records: InventoryRecord[]): Promise<State> {
    return this.#replace(records, false) as Promise<State>;
  }

  /** A replace that switches only when no inventory was ever written; else null. */
  seed(records: InventoryRecord[]): Promise<State | null> {
    return this.#replace(records, true);
  }

  async #replace(records: InventoryRecord[], first: boolean): Promise<State | null> {
    const chosen = await recordsToWrite(records);
    const slot = randomUUID();
    const [log, bodies] = [this.#keys.inventoryLog(slot), this.#keys.inventoryBodies(slot)];
    try {
      await this.#fill(slot, chosen);
      const keys = [this.#keys.inventory, log, bodies];
      const args = [this.#keys.inventorySlotPrefix, slot, String(chosen.length)];
      if (first) args.push("first");
      const reply = await this.#redis.script(scripts.SWITCH_INVENTORY, keys, args);
      await this.#dropAbandoned();
      return reply === null ? null : toState(reply);
    } catch (error) {
      await this.#redis.run((client) => client.unlink([log, bodies])).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Slots that loads killed part way left behind would stay until they expire, and a few big
   * ones fill Redis's memory meanwhile. A failure here leaves them for the next replace.
   */
  async #dropAbandoned(): Promise<void> {
    await dropAbandonedSlots(this.#redis, this.#keys).catch(() => undefined);
  }

  /**
   * Writes the records into the slot's keys with revisions claimed up front, so they sort
   * in the order given. Puts made meanwhile go to the old slot and vanish with it, as they
   * would under any replace that commits after them.
   */
  async #fill(slot: string, records: InventoryRecord[]): Promise<void> {
    const keys = [this.#keys.inventoryLog(slot), this.#keys.inventoryBodies(slot)];
    const claimed = Math.max(records.length, 1);
    const last = await this.#redis.run((client) =>
      client.hIncrBy(this.#keys.inventory, "revision", claimed),
    );
    const first = Number(last) - claimed + 1;

    for (let start = 0; start < records.length; start += FILL_CHUNK) {
      const args = [String(FILL_EXPIRY_MS)];
      records.slice(start, start + FILL_CHUNK).forEach((record, i) => {
        args.push(String(first + start + i), recordKey(record), record.body);
      });
      await this.#redis.script(scripts.FILL_SLOT, keys, args);
    }
  }

  async #readPage(after: number, limit: number): Promise<InventoryPage> {
    const args = [this.#keys.inventorySlotPrefix, String(after), String(limit)];
    const reply = await this.#redis.script(
      scripts.READ_INVENTORY_PAGE,
      [this.#keys.inventory],
      args,
    );
    const [generation, revision, found, bodies] = reply as [string, string, string[], string[]];

    const records = [];
    for (let i = 0; i < found.length; i += 2) {
      const { kind, id } = splitRecordKey(found[i]);
      records.push({ kind, id, revision: Number(found[i + 1]), body: bodies[i / 2] });
    }
    return { generation: Number(generation), revision: Number(revision), records };
  }
}

function toState(reply: unknown): State {
  const [generation, revision] = reply as [string, string];
  return { generation: Number(generation), revision: Number(revision) };
}
