import type { Database } from "better-sqlite3";

import type { AccountRow, SessionRow, TenantRow } from "./rows.js";
import { inventoryStatements } from "./sqlite-inventory.js";

const ACCOUNT = "id, domain, name, role, password_hash, created_at";
const TENANT = "id, name, password_hash, created_at";

/** A session row with its principal's id joined in from `accounts` or `tenants`. */
const SESSION = `
  SELECT s.key_hash, a.id AS account_id, t.id AS tenant_id, s.user_name, s.role, s.version,
         s.created_at, s.expires_at, s.hard_expires_at
  FROM sessions s
  LEFT JOIN accounts a ON a.pk = s.account_pk
  LEFT JOIN tenants t ON t.pk = s.tenant_pk`;

/** A new session's values after its key and its principal's `pk`. */
const NEW_SESSION = "@userName, @role, @version, @createdAt, @expiresAt, @hardExpiresAt";

/** Every statement the SQLite store runs, prepared once per connection. */
export function prepareStatements(db: Database) {
  const sql = <Row = unknown>(text: string) => db.prepare<unknown[], Row>(text);
  return {
    addAccount: sql(`INSERT INTO accounts
      (id, domain, name, domain_key, name_key, role, password_hash, created_at)
      VALUES (@id, @domain, @name, @domainKey, @nameKey, @role, @passwordHash, @createdAt)`),
    findAccount: sql<AccountRow>(
      `SELECT ${ACCOUNT} FROM accounts WHERE domain_key = ? AND name_key = ?`,
    ),
    getAccount: sql<AccountRow>(`SELECT ${ACCOUNT} FROM accounts WHERE id = ?`),
    listAccounts: sql<AccountRow>(`SELECT ${ACCOUNT} FROM accounts ORDER BY created_at, pk`),
    removeAccount: sql("DELETE FROM accounts WHERE id = ?"),
    setAccountPassword: sql("UPDATE accounts SET password_hash = ? WHERE id = ?"),
    setAccountRole: sql("UPDATE accounts SET role = ? WHERE id = ?"),

    addTenant: sql(`INSERT INTO tenants (id, name, name_key, password_hash, created_at)
      VALUES (@id, @name, @nameKey, @passwordHash, @createdAt)`),
    findTenant: sql<TenantRow>(`SELECT ${TENANT} FROM tenants WHERE name_key = ?`),
    listTenants: sql<TenantRow>(`SELECT ${TENANT} FROM tenants ORDER BY created_at, pk`),
    removeTenant: sql("DELETE FROM tenants WHERE id = ?"),
    setTenantPassword: sql("UPDATE tenants SET password_hash = ? WHERE id = ?"),

    addAccountSession: sql(`INSERT INTO sessions (key_hash, account_pk, user_name, role, version,
        created_at, expires_at, hard_expires_at)
      SELECT @keyHash, pk, ${NEW_SESSION}
      FROM accounts WHERE id = @principalId`),
    addTenantSession: sql(`INSERT INTO sessions (key_hash, tenant_pk, user_name, role, version,
        created_at, expires_at, hard_expires_at)
      SELECT @keyHash, pk, ${NEW_SESSION}
      FROM tenants WHERE id = @principalId`),
    findSession: sql<SessionRow>(`${SESSION} WHERE s.key_hash = ?`),
    slideSession: sql(`UPDATE sessions SET expires_at = @target
      WHERE key_hash = @keyHash AND expires_at > @now AND expires_at < @target`),
    deleteSession: sql("DELETE FROM sessions WHERE key_hash = ?"),
    listSessions: sql<SessionRow>(`${SESSION} ORDER BY s.created_at, s.key_hash`),
    listAccountSessions: sql<SessionRow>(`${SESSION}
      WHERE s.account_pk = (SELECT pk FROM accounts WHERE id = ?)
      ORDER BY s.created_at, s.key_hash`),
    listTenantSessions: sql<SessionRow>(`${SESSION}
      WHERE s.tenant_pk = (SELECT pk FROM tenants WHERE id = ?)
      ORDER BY s.created_at, s.key_hash`),
    deleteExpiredSessions: sql(`DELETE FROM sessions WHERE key_hash IN
      (SELECT key_hash FROM sessions WHERE expires_at <= ? LIMIT ?)`),

    ...inventoryStatements(db),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
