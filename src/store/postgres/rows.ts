import type { Account, PrincipalKind, Role, SessionRecord, Tenant } from "../store.js";

// pg returns bigint columns as strings; epoch milliseconds fit a double exactly.

export const ACCOUNT_COLUMNS = "id, domain, name, role, password_hash, created_at";
export const TENANT_COLUMNS = "id, name, password_hash, created_at";
/** A session names its principal in one of two columns, after its kind. */
export const SESSION_COLUMNS =
  "key_hash, kind, COALESCE(account_id, tenant_id) AS principal_id, user_name, role, " +
  "version, created_at, expires_at, hard_expires_at";

export interface AccountRow {
  id: string;
  domain: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

export interface TenantRow {
  id: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionRow {
  key_hash: Buffer;
  kind: string;
  principal_id: string;
  user_name: string;
  role: string;
  version: string;
  created_at: string;
  expires_at: string;
  hard_expires_at: string;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    domain: row.domain,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    createdAt: Number(row.created_at),
  };
}

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    name: row.name,
    passwordHash: row.password_hash,
    createdAt: Number(row.created_at),
  };
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    keyHash: row.key_hash,
    kind: row.kind as PrincipalKind,
    principalId: row.principal_id,
    userName: row.user_name,
    role: row.role as Role,
    version: row.version,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    hardExpiresAt: Number(row.hard_expires_at),
  };
}
