import type { Account, Role, SessionRecord, Tenant } from "../store.js";

export interface AccountRow {
  id: string;
  domain: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
}

export interface TenantRow {
  id: string;
  name: string;
  password_hash: string;
  created_at: number;
}

export interface SessionRow {
  key_hash: Buffer;
  account_id: string | null;
  tenant_id: string | null;
  user_name: string;
  role: Role;
  version: string;
  created_at: number;
  expires_at: number;
  hard_expires_at: number;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    domain: row.domain,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

export function toTenant(row: TenantRow): Tenant {
  return { id: row.id, name: row.name, passwordHash: row.password_hash, createdAt: row.created_at };
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    keyHash: row.key_hash,
    kind: row.account_id !== null ? "account" : "tenant",
    principalId: row.account_id ?? row.tenant_id ?? "",
    userName: row.user_name,
    role: row.role,
    version: row.version,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    hardExpiresAt: row.hard_expires_at,
  };
}

/** The named parameters of the session inserts. */
export function sessionParams(session: SessionRecord) {
  return {
    keyHash: session.keyHash,
    principalId: session.principalId,
    userName: session.userName,
    role: session.role,
    version: session.version,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
    hardExpiresAt: session.hardExpiresAt,
  };
}
