import { randomUUID } from "node:crypto";

import { checkKeyHash } from "../check-key-hash.js";
import { MemoryInventory } from "./memory-inventory.js";
import { nameKey } from "../name-key.js";
import { slideExpiry } from "../slide-expiry.js";
import {
  AlreadyExists,
  PrincipalGone,
  StoreUnavailable,
  type Account,
  type InventoryChanges,
  type InventoryRecord,
  type NewAccount,
  type NewTenant,
  type PrincipalKind,
  type Role,
  type SessionRecord,
  type Store,
  type Tenant,
} from "../store.js";

/**
 * A store that keeps everything in this process, for unit tests and `memory:` URLs. It
 * behaves like the others (copies in and out, same errors), but forgets all on close.
 */
export class MemoryStore implements Store {
  readonly kind = "memory";
  #closed = false;
  readonly #accounts = new Map<string, Account>();
  readonly #tenants = new Map<string, Tenant>();
  /** Sessions by the hex of their keyHash. */
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #inventory = new MemoryInventory();

  async migrate(): Promise<void> {
    this.#check();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#accounts.clear();
    this.#tenants.clear();
    this.#sessions.clear();
    this.#inventory.clear();
  }

  async addAccount(account: NewAccount): Promise<Account> {
    if (await this.findAccount(account.domain, account.name)) {
      throw new AlreadyExists(`account ${account.domain}\\${account.name} already exists`);
    }
    const added = { id: randomUUID(), ...pickAccount(account), createdAt: Date.now() };
    this.#accounts.set(added.id, added);
    return { ...added };
  }

  async findAccount(domain: string, name: string): Promise<Account | undefined> {
    this.#check();
    const [d, n] = [nameKey(domain), nameKey(name)];
    for (const account of this.#accounts.values()) {
      if (nameKey(account.domain) === d && nameKey(account.name) === n) return { ...account };
    }
    return undefined;
  }

  async getAccount(id: string): Promise<Account | undefined> {
    this.#check();
    const account = this.#accounts.get(id);
    return account && { ...account };
  }

  async listAccounts(): Promise<Account[]> {
    this.#check();
    return [...this.#accounts.values()].map((a) => ({ ...a }));
  }

  async removeAccount(id: string): Promise<boolean> {
    this.#check();
    this.#removeSessionsOf("account", id);
    return this.#accounts.delete(id);
  }

  async setAccountPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#update(this.#accounts, id, { passwordHash });
  }

  async setAccountRole(id: string, role: Role): Promise<boolean> {
    return this.#update(this.#accounts, id, { role });
  }

  async addTenant(tenant: NewTenant): Promise<Tenant> {
    if (await this.findTenant(tenant.name)) {
      throw new AlreadyExists(`tenant ${tenant.name} already exists`);
    }
    const added = {
      id: randomUUID(),
      name: tenant.name,
      passwordHash: tenant.passwordHash,
      createdAt: Date.now(),
    };
    this.#tenants.set(added.id, added);
    return { ...added };
  }

  async findTenant(name: string): Promise<Tenant | undefined> {
    this.#check();
    const key = nameKey(name);
    for (const tenant of this.#tenants.values()) {
      if (nameKey(tenant.name) === key) return { ...tenant };
    }
    return undefined;
  }

  async listTenants(): Promise<Tenant[]> {
    this.#check();
    return [...this.#tenants.values()].map((t) => ({ ...t }));
  }

  async removeTenant(id: string): Promise<boolean> {
    this.#check();
    this.#removeSessionsOf("tenant", id);
    return this.#tenants.delete(id);
  }

  async setTenantPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#update(this.#tenants, id, { passwordHash });
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.#check();
    checkKeyHash(session.keyHash);
    const owners = session.kind === "account" ? this.#accounts : this.#tenants;
    if (!owners.has(session.principalId)) {
      throw new PrincipalGone(session.kind, session.principalId);
    }

    const key = session.keyHash.toString("hex");
    if (this.#sessions.has(key)) throw new AlreadyExists("a session with this key already exists");
    this.#sessions.set(key, copySession(session));
  }

  async findSession(
    keyHash: Buffer,
    now: number,
    slideTo?: number,
  ): Promise<SessionRecord | undefined> {
    this.#check();
    const key = keyHash.toString("hex");
    const session = this.#sessions.get(key);
    if (!session) return undefined;
    if (session.expiresAt <= now) {
      this.#sessions.delete(key);
      return undefined;
    }

    session.expiresAt = slideExpiry(session, slideTo);
    return copySession(session);
  }

  async deleteSession(keyHash: Buffer): Promise<boolean> {
    this.#check();
    return this.#sessions.delete(keyHash.toString("hex"));
  }

  async listSessions(filter?: {
    kind: PrincipalKind;
    principalId: string;
  }): Promise<SessionRecord[]> {
    this.#check();
    const all = [...this.#sessions.values()];
    const chosen = filter
      ? all.filter((s) => s.kind === filter.kind && s.principalId === filter.principalId)
      : all;
    return chosen.sort((a, b) => a.createdAt - b.createdAt).map(copySession);
  }

  async deleteExpiredSessions(now: number, limit: number): Promise<number> {
    this.#check();
    let deleted = 0;
    for (const [key, session] of this.#sessions) {
      if (deleted >= limit) break;
      if (session.expiresAt <= now) {
        this.#sessions.delete(key);
        deleted++;
      }
    }
    return deleted;
  }

  async readInventory(since: { generation: number; revision: number }): Promise<InventoryChanges> {
    this.#check();
    return this.#inventory.read(since);
  }

  async replaceInventory(records: InventoryRecord[]) {
    this.#check();
    return await this.#inventory.replace(records);
  }

  async seedInventory(records: InventoryRecord[]) {
    this.#check();
    return await this.#inventory.seed(records);
  }

  async putInventoryRecords(records: InventoryRecord[]) {
    this.#check();
    return await this.#inventory.put(records);
  }

  async putInventoryRecordsIfUnchanged(
    records: InventoryRecord[],
    seen: { generation: number; revision: number },
  ) {
    this.#check();
    return await this.#inventory.putIfUnchanged(records, seen);
  }

  #removeSessionsOf(kind: PrincipalKind, principalId: string): void {
    for (const [key, session] of this.#sessions) {
      if (session.kind === kind && session.principalId === principalId) this.#sessions.delete(key);
    }
  }

  #update<T extends object>(items: Map<string, T>, id: string, change: Partial<T>): boolean {
    this.#check();
    const item = items.get(id);
    if (item) Object.assign(item, change);
    return item !== undefined;
  }

  #check(): void {
    if (this.#closed) throw new StoreUnavailable("the memory store is closed");
  }
}

function pickAccount({ domain, name, role, passwordHash }: NewAccount): NewAccount {
  return { domain, name, role, passwordHash };
}

function copySession(session: SessionRecord): SessionRecord {
  return { ...session, keyHash: Buffer.from(session.keyHash) };
}
