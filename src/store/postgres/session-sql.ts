import type { PrincipalKind } from "../store.js";
import { SESSION_COLUMNS } from "./rows.js";

/** $1 key hash, $2 kind, $3 principal id, then the other fields in interface order. */
export const INSERT_SESSION = `
  INSERT INTO sessions (
    key_hash, kind, account_id, tenant_id, user_name, role, version,
    created_at, expires_at, hard_expires_at
  ) VALUES (
    $1, $2, CASE WHEN $2 = 'account' THEN $3 END, CASE WHEN $2 = 'tenant' THEN $3 END,
    $4, $5, $6, $7, $8, $9
  )`;

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
