import type { PrincipalKind } from "../store.js";
import { SESSION_COLUMNS } from "./rows.js";

/** The idle end a slide asks for ($3), held to the absolute end when there is one. */
const SLID_END = "LEAST($3::bigint, NULLIF(hard_expires_at, 0))";

/** $1 key hash, $2 kind, $3 principal id, then the other fields in interface order. */
export const INSERT_SESSION = `
  INSERT INTO sessions (
    key_hash, kind, account_id, tenant_id, user_name, role, version,
    created_at, expires_at, hard_expires_at
  ) VALUES (
    $1, $2, CASE WHEN $2 = 'account' THEN $3 END, CASE WHEN $2 = 'tenant' THEN $3 END,
    $4, $5, $6, $7, $8, $9
  )`;

/** $1 key hash, $2 now. */
export const FIND_SESSION = `
  SELECT ${SESSION_COLUMNS} FROM sessions WHERE key_hash = $1 AND expires_at > $2`;

/**
 * $1 key hash, $2 now, $3 slide target, $4 granularity. One statement: the UPDATE writes
 * only when the idle end moves forward by at least the granularity; otherwise the row is
 * read as it stands. The final SELECT sees the table as it was before the UPDATE, so at
 * most one of its two branches returns the row.
 */
export const FIND_AND_SLIDE_SESSION = `
  WITH slid AS (
    UPDATE sessions SET expires_at = ${SLID_END}
    WHERE key_hash = $1 AND expires_at > $2 AND ${SLID_END} - expires_at >= $4
    RETURNING ${SESSION_COLUMNS}
  )
  SELECT * FROM slid
  UNION ALL
  SELECT ${SESSION_COLUMNS} FROM sessions
  WHERE key_hash = $1 AND expires_at > $2 AND NOT EXISTS (SELECT 1 FROM slid)`;

export const DELETE_SESSION = "DELETE FROM sessions WHERE key_hash = $1";

/** $1 now. */
export const LIST_SESSIONS = `
  SELECT ${SESSION_COLUMNS} FROM sessions
  WHERE expires_at > $1 ORDER BY created_at, key_hash`;

/** $1 now, $2 principal id. */
export function listPrincipalSessionsSql(kind: PrincipalKind): string {
  const column = kind === "account" ? "account_id" : "tenant_id";
  return `
    SELECT ${SESSION_COLUMNS} FROM sessions
    WHERE ${column} = $2 AND expires_at > $1 ORDER BY created_at, key_hash`;
}

/**
 * $1 now, $2 limit. Rows another node is sweeping right now are skipped rather than
 * waited for, so concurrent sweepers do not queue behind each other.
 */
export const DELETE_EXPIRED_SESSIONS = `
  DELETE FROM sessions WHERE key_hash IN (
    SELECT key_hash FROM sessions WHERE expires_at <= $1
    ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
  )`;
