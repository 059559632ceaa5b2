import type { Pool, PoolClient } from "pg";

import type { InventoryPage } from "../inventory-pages.js";
import type { InventoryRecord, InventoryState } from "../store.js";

/** Rows per INSERT: a few hundred kilobytes of parameters, far inside the statement timeout. */
const INSERT_CHUNK = 5000;

/**
 * $1 after, $2 limit. One statement, so the state and the records come from one snapshot;
 * the state row comes back even when no record follows `after`.
 */
const PAGE = `
  SELECT s.generation, s.revision AS state_revision, r.kind, r.id, r.revision, r.body
  FROM inventory_state s LEFT JOIN LATERAL (
    SELECT kind, id, revision, body FROM inventory_records
    WHERE revision > $1 ORDER BY revision LIMIT $2
  ) r ON true`;

/**
 * $1 whether this is a replace, $2 revisions to hand out. Takes the state row's lock for the
 * rest of the transaction. A replace starts a new generation; any first write starts
 * generation 1, since 0 means nothing was ever written.
 */
const CLAIM = `
  UPDATE inventory_state SET
    generation = CASE WHEN $1 THEN generation + 1 ELSE GREATEST(generation, 1) END,
    revision = revision + $2
  RETURNING generation, revision`;

/** $1 kinds, $2 ids, $3 revisions, $4 bodies. A record written again takes its new revision. */
const PUT = `
  INSERT INTO inventory_records (kind, id, revision, body)
  SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[])
  ON CONFLICT (kind, id) DO UPDATE SET revision = EXCLUDED.revision, body = EXCLUDED.body`;

interface PageRow {
  generation: string;
  state_revision: string;
  kind: string | null;
  id: string | null;
  revision: string | null;
  body: string | null;
}

export async function readInventoryPage(
  pool: Pool,
  after: number,
  limit: number,
): Promise<InventoryPage> {
  const { rows } = await pool.query<PageRow>(PAGE, [after, limit]);
  const records = rows.flatMap(({ kind, id, revision, body }) =>
    kind === null ? [] : [{ kind, id: id!, revision: Number(revision), body: body! }],
  );
  return {
    generation: Number(rows[0].generation),
    revision: Number(rows[0].state_revision),
    records,
  };
}

/**
 * The inventory's generation, with the state row locked for the rest of the transaction, so
 * a write that depends on it is not overtaken.
 */
export async function lockGeneration(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ generation: string }>(
    "SELECT generation FROM inventory_state FOR UPDATE",
  );
  return Number(rows[0].generation);
}

/** The inventory's state, with its row locked for the rest of the transaction. */
export async function lockState(client: PoolClient): Promise<InventoryState> {
  const { rows } = await client.query<{ generation: string; revision: string }>(
    "SELECT generation, revision FROM inventory_state FOR UPDATE",
  );
  return { generation: Number(rows[0].generation), revision: Number(rows[0].revision) };
}

/**
 * Writes records, each with a revision of its own, inside the transaction `client` holds;
 * `replace` deletes every record first. Large writes go in several INSERTs.
 */
export async function writeInventory(
  client: PoolClient,
  records: readonly InventoryRecord[],
  replace: boolean,
): Promise<{ generation: number; revision: number }> {
  // A write with no records still counts as one.
  const claimed = Math.max(records.length, 1);
  const { rows } = await client.query<{ generation: string; revision: string }>(CLAIM, [
    replace,
    claimed,
  ]);
  const state = { generation: Number(rows[0].generation), revision: Number(rows[0].revision) };
  if (replace) await client.query("DELETE FROM inventory_records");

  const first = state.revision - claimed + 1;
  for (let start = 0; start < records.length; start += INSERT_CHUNK) {
    const chunk = records.slice(start, start + INSERT_CHUNK);
    await client.query(PUT, [
      chunk.map((record) => record.kind),
      chunk.map((record) => record.id),
      chunk.map((_, i) => first + start + i),
      chunk.map((record) => record.body),
    ]);
  }
  return state;
}
