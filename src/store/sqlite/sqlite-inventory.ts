import type { Database } from "better-sqlite3";

import type { InventoryPage, RevisedRecord } from "../inventory-pages.js";
import type { InventoryRecord } from "../store.js";

/** Records written between two yields of `writeInventory`: a few milliseconds of work. */
export const WRITE_CHUNK = 2000;

interface StateRow {
  generation: number;
  revision: number;
}

/** The inventory's statements, prepared on whichever connection runs them. */
export function inventoryStatements(db: Database) {
  return {
    inventoryState: db.prepare<[], StateRow>(
      "SELECT generation, revision FROM inventory_state WHERE only_row = 1",
    ),
    inventoryPage: db.prepare<[number, number], RevisedRecord>(`SELECT revision, kind, id, body
      FROM inventory_records WHERE revision > ? ORDER BY revision LIMIT ?`),
    // A record written again takes the new revision, which moves it to the end of the table.
    putInventoryRecord: db.prepare<[number, string, string, string]>(`INSERT INTO
      inventory_records (revision, kind, id, body) VALUES (?, ?, ?, ?)
      ON CONFLICT (kind, id) DO UPDATE SET revision = excluded.revision, body = excluded.body`),
    clearInventory: db.prepare("DELETE FROM inventory_records"),
    setInventoryState: db.prepare<[number, number]>(
      "UPDATE inventory_state SET generation = ?, revision = ? WHERE only_row = 1",
    ),
  };
}

export type InventoryStatements = ReturnType<typeof inventoryStatements>;

/** The state and one page of records after `after`; run it in a transaction for one snapshot. */
export function readInventoryPage(
  sql: InventoryStatements,
  after: number,
  limit: number,
): InventoryPage {
  const state = sql.inventoryState.get()!;
  const records = sql.inventoryPage.all(after, limit);
  return { generation: state.generation, revision: state.revision, records };
}

/**
 * Writes records inside a transaction the caller holds, each with a revision of its own, and
 * yields after every `WRITE_CHUNK` records so a caller may let the event loop run. `replace`
 * drops every record first and starts a new generation; otherwise the first write of all
 * starts generation 1, since 0 means nothing was ever written.
 */
export function* writeInventory(
  sql: InventoryStatements,
  records: readonly InventoryRecord[],
  replace: boolean,
): Generator<void, StateRow> {
  const state = sql.inventoryState.get()!;
  const generation = replace ? state.generation + 1 : Math.max(state.generation, 1);
  if (replace) sql.clearInventory.run();

  let revision = state.revision;
  for (let i = 0; i < records.length; i++) {
    const { kind, id, body } = records[i];
    sql.putInventoryRecord.run(++revision, kind, id, body);
    if ((i + 1) % WRITE_CHUNK === 0) yield;
  }
  // A write with no records still counts as one.
  if (records.length === 0) revision++;

  sql.setInventoryState.run(generation, revision);
  return { generation, revision };
}

/** `writeInventory` as a replace, only when no inventory was ever written; else null. */
export function* writeFirstInventory(
  sql: InventoryStatements,
  records: readonly InventoryRecord[],
): Generator<void, StateRow | null> {
  if (sql.inventoryState.get()!.generation !== 0) return null;
  return yield* writeInventory(sql, records, true);
}

/** `writeInventory` as a put, only while the inventory is still at `seen`; else null. */
export function* writeInventoryIfUnchanged(
  sql: InventoryStatements,
  records: readonly InventoryRecord[],
  seen: StateRow,
): Generator<void, StateRow | null> {
  const state = sql.inventoryState.get()!;
  if (state.generation !== seen.generation || state.revision !== seen.revision) return null;
  return yield* writeInventory(sql, records, false);
}

/** Runs a write to its end at once, for writes small enough not to need yields. */
export function runNow<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
