import { createHash } from "node:crypto";

import type {
  Account,
  NewAccount,
  SessionRecord,
  Store,
  Tenant,
} from "../../../src/store/store.js";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A 32-byte key, the same for the same seed, as the session service would derive it. */
export function keyHash(seed: string | number): Buffer {
  return createHash("sha256").update(`emrest-contract:${seed}`).digest();
}

export function newAccount(name: string, overrides: Partial<NewAccount> = {}): NewAccount {
  return {
    domain: "SRV12",
    name,
    role: "PortalUser",
    passwordHash: `$argon2id$${name}`,
    ...overrides,
  };
}

export function addAccount(store: Store, name: string, domain = "SRV12"): Promise<Account> {
  return store.addAccount(newAccount(name, { domain }));
}

export function addTenant(store: Store, name: string): Promise<Tenant> {
  return store.addTenant({ name, passwordHash: `$argon2id$${name}` });
}

/** A live session of `principal`, opened at `createdAt`, idle timeout 15 minutes. */
export function sessionOf(
  principal: Account | Tenant,
  createdAt: number,
  overrides: Partial<SessionRecord> = {},
): SessionRecord {
  const isAccount = "domain" in principal;
  return {
    keyHash: keyHash(`${principal.id}:${createdAt}:${overrides.expiresAt ?? ""}`),
    kind: isAccount ? "account" : "tenant",
    principalId: principal.id,
    userName: isAccount ? `${principal.domain}\\${principal.name}` : principal.name,
    role: isAccount ? principal.role : "PortalUser",
    version: "v1_7",
    createdAt,
    expiresAt: createdAt + 15 * MINUTE,
    hardExpiresAt: 0,
    ...overrides,
  };
}

export function hex(record: { keyHash: Buffer }): string {
  return record.keyHash.toString("hex");
}

export function byId<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
