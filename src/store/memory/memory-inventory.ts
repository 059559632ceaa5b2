import { recordKey, recordsToWrite } from "../inventory-writes.js";
import type { RevisedRecord } from "../inventory-pages.js";
import type { InventoryChanges, InventoryRecord } from "../store.js";

/**
 * The inventory part of the memory store. Records sit in one map in write order: a record
 * written again is taken out and put back at the end, so the map's order is revision order.
 */
export class MemoryInventory {
  #generation = 0;
  #revision = 0;
  readonly #records = new Map<string, RevisedRecord>();

  read(since: { generation: number; revision: number }): InventoryChanges {
    const state = { generation: this.#generation, revision: this.#revision };
    const continues =
      since.generation !== 0 &&
      since.generation === state.generation &&
      since.revision <= state.revision;
    if (continues && since.revision === state.revision) {
      return { ...state, records: [], complete: false };
    }

    const records: InventoryRecord[] = [];
    for (const { kind, id, body, revision } of this.#records.values()) {
      if (!continues || revision > since.revision) records.push({ kind, id, body });
    }
    return { ...state, records, complete: !continues };
  }

  async replace(records: InventoryRecord[]): Promise<{ generation: number; revision: number }> {
    const chosen = await recordsToWrite(records);
    this.#records.clear();
    this.#generation++;
    return this.#write(chosen);
  }

  async seed(records: InventoryRecord[]): Promise<{ generation: number; revision: number } | null> {
    const chosen = await recordsToWrite(records);
    // Checked after the await, with nothing between the check and the write.
    if (this.#generation !== 0) return null;
    this.#generation = 1;
    return this.#write(chosen);
  }

  async put(records: InventoryRecord[]): Promise<{ generation: number; revision: number }> {
    const chosen = await recordsToWrite(records);
    // The first write of any kind starts the first generation: 0 means never written.
    this.#generation = Math.max(this.#generation, 1);
    return this.#write(chosen);
  }

  async putIfUnchanged(
    records: InventoryRecord[],
    seen: { generation: number; revision: number },
  ): Promise<{ generation: number; revision: number } | null> {
    const chosen = await recordsToWrite(records);
    // Checked after the await, with nothing between the check and the write.
    if (this.#generation !== seen.generation || this.#revision !== seen.revision) return null;
    this.#generation = Math.max(this.#generation, 1);
    return this.#write(chosen);
  }

  clear(): void {
    this.#records.clear();
  }

  #write(records: InventoryRecord[]): { generation: number; revision: number } {
    this.#revision++;
    for (const record of records) {
      const key = recordKey(record);
      this.#records.delete(key);
      this.#records.set(key, { ...record, revision: this.#revision });
    }
    return { generation: this.#generation, revision: this.#revision };
  }
}
