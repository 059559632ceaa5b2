/**
 * The store behind emrest: accounts, tenants and logon sessions.
 *
 * Every store (memory, SQLite, PostgreSQL, Redis) implements this interface and passes
 * `test/store/contract.ts`. Stores know nothing of HTTP; they raise `StoreUnavailable`
 * when their server cannot be reached, and the edge turns that into a 503.
 *
 * A session is keyed by the SHA-256 of its token (`keyHash`, 32 bytes). The store never
 * sees the token or the SessionId, so a copy of it lets no one act as a user.
 */

/** The three roles that may log on (spec section 8). `None` is kept but cannot log on. */
export type Role = "PortalAdministrator" | "PortalUser" | "RestoreOperator" | "None";

export const ROLES: readonly Role[] = [
  "PortalAdministrator",
  "PortalUser",
  "RestoreOperator",
  "None",
];

/** An Enterprise Manager account: `DOMAIN\name`, matched case-insensitively. */
export interface Account {
  id: string;
  /** Upper-cased as given; the local domain for local accounts. */
  domain: string;
  name: string;
  role: Role;
  /** A PHC string (argon2id). */
  passwordHash: string;
  createdAt: number;
}

/** A Cloud Connect tenant, which logs on with a `LoginSpec` body. */
export interface Tenant {
  id: string;
  name: string;
  passwordHash: string;
  createdAt: number;
}

export type PrincipalKind = "account" | "tenant";

/** One live logon session as the store keeps it. Times are epoch milliseconds. */
export interface SessionRecord {
  /** SHA-256 of the token, 32 bytes. */
  keyHash: Buffer;
  kind: PrincipalKind;
  /** Account id or tenant id, after `kind`. */
  principalId: string;
  /** As shown in `UserName`, e.g. `SRV12\Administrator`. */
  userName: string;
  role: Role;
  /** The API version the session was opened with, e.g. `v1_7`. */
  version: string;
  createdAt: number;
  /** The session ends at this instant unless a request slides it. */
  expiresAt: number;
  /** The absolute end, or 0 when there is none. */
  hardExpiresAt: number;
}

export interface NewAccount {
  domain: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export interface NewTenant {
  name: string;
  passwordHash: string;
}

/** Raised by a store whose server cannot be reached or answers with an error of its own. */
export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailable";
  }
}

/** Raised by `createSession` when its account or tenant no longer exists (removed meanwhile). */
export class PrincipalGone extends Error {
  constructor(kind: PrincipalKind, principalId: string) {
    super(`There is no ${kind} with id ${principalId} to hold a session.`);
    this.name = "PrincipalGone";
  }
}

/** Raised when an account or tenant with the same name already exists. */
export class AlreadyExists extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlreadyExists";
  }
}

/** A store may leave `expiresAt` up to this far behind a requested slide. */
export const SLIDE_GRANULARITY_MS = 1000;

export interface Store extends InventoryStore {
  /** A short name for logs and skip reasons: `memory`, `sqlite`, `postgres`, `redis`. */
  readonly kind: string;

  /** Creates or upgrades the schema. Safe to call on every start, from several nodes. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  addAccount(account: NewAccount): Promise<Account>;
  /** Domain and name compare case-insensitively. */
  findAccount(domain: string, name: string): Promise<Account | undefined>;
  getAccount(id: string): Promise<Account | undefined>;
  listAccounts(): Promise<Account[]>;
  /** Removes the account and every session it holds. False when there was none. */
  removeAccount(id: string): Promise<boolean>;
  setAccountPassword(id: string, passwordHash: string): Promise<boolean>;
  setAccountRole(id: string, role: Role): Promise<boolean>;

  addTenant(tenant: NewTenant): Promise<Tenant>;
  /** The name compares case-insensitively. */
  findTenant(name: string): Promise<Tenant | undefined>;
  listTenants(): Promise<Tenant[]>;
  /** Removes the tenant and every session it holds. */
  removeTenant(id: string): Promise<boolean>;
  setTenantPassword(id: string, passwordHash: string): Promise<boolean>;

  /**
   * Durable when the promise resolves: a 201 is sent only after it. `PrincipalGone` when the
   * session's account or tenant does not exist.
   */
  createSession(session: SessionRecord): Promise<void>;
  /**
   * The session with this key if it is live at `now` (`expiresAt > now`), or undefined.
   * When `slideTo` is given, the idle window slides in the same operation: `expiresAt`
   * becomes `min(slideTo, hardExpiresAt || Infinity)`, and the returned record shows it.
   * A store may skip a slide of less than `SLIDE_GRANULARITY_MS`, so a busy session does
   * not cost a write on every request; PostgreSQL also skips one whose row another statement
   * holds at that moment. An expired session may be deleted on the way.
   */
  findSession(keyHash: Buffer, now: number, slideTo?: number): Promise<SessionRecord | undefined>;
  /** False when there was no such session. */
  deleteSession(keyHash: Buffer): Promise<boolean>;
  /** Live sessions, oldest first; of one principal when given. */
  listSessions(filter?: { kind: PrincipalKind; principalId: string }): Promise<SessionRecord[]>;
  /** Deletes at most `limit` sessions expired at `now`; returns how many. */
  deleteExpiredSessions(now: number, limit: number): Promise<number>;
}

/**
 * One object of the backup inventory as a store keeps it: the kind (a key of `Inventory`),
 * the object's id and its JSON. Stores treat the body as opaque text.
 */
export interface InventoryRecord {
  kind: string;
  id: string;
  body: string;
}

/** Where the inventory stands: its generation, and the revision of its last write. */
export interface InventoryState {
  generation: number;
  revision: number;
}

/** What changed in the inventory since a revision a node has seen. */
export interface InventoryChanges {
  /** Bumped by every `replaceInventory`; a node whose generation differs starts over. */
  generation: number;
  /** Bumped by every write; the next read passes it back as `since`. */
  revision: number;
  /**
   * When `since` belongs to an older generation (or is 0): every record. Otherwise the
   * records written after `since`, each once, in write order.
   */
  records: InventoryRecord[];
  /** True when `records` is the whole inventory rather than the changes. */
  complete: boolean;
}

/** The inventory part of a store. Every store implements it and passes the same contract. */
export interface InventoryStore {
  /** Generation 0 and revision 0 mean no inventory was ever written. */
  readInventory(since: { generation: number; revision: number }): Promise<InventoryChanges>;
  /** Replaces the whole inventory in one transaction and starts a new generation. */
  replaceInventory(records: InventoryRecord[]): Promise<{ generation: number; revision: number }>;
  /**
   * Writes these records as the first inventory (generation 1) in one transaction, only when
   * no inventory was ever written (generation 0); otherwise writes nothing and gives null.
   * Nodes that start together on an empty store may all try: one seed lands.
   */
  seedInventory(
    records: InventoryRecord[],
  ): Promise<{ generation: number; revision: number } | null>;
  /** Inserts or overwrites these records (by kind and id) in one transaction. */
  putInventoryRecords(
    records: InventoryRecord[],
  ): Promise<{ generation: number; revision: number }>;
  /**
   * `putInventoryRecords`, only while the inventory is still at `seen` (its generation and
   * revision), checked in the same transaction as the write; otherwise writes nothing and
   * gives null. A node that decided on what it read at `seen` writes only if nobody wrote
   * since, so two nodes cannot both act on the same reading.
   */
  putInventoryRecordsIfUnchanged(
    records: InventoryRecord[],
    seen: InventoryState,
  ): Promise<InventoryState | null>;
}
