import { randomUUID } from "node:crypto";

import { closeSync, openSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

import Database from "better-sqlite3";

import { checkKeyHash } from "../check-key-hash.js";
import { nameKey } from "../name-key.js";
import { slideExpiry } from "../slide-expiry.js";
import type * as S from "../store.js";
import { PrincipalGone, StoreUnavailable } from "../store.js";
import { readInPages } from "../inventory-pages.js";
import { recordsToWrite } from "../inventory-writes.js";
import { runBulkTransaction } from "./bulk-transaction.js";
import { applyMigrations } from "./migrations.js";
import { mapSqliteError } from "./sqlite-errors.js";
import { prepareStatements, type Statements } from "./statements.js";
import * as rows from "./rows.js";
import {
  inventoryStatements,
  readInventoryPage,
  type InventoryStatements,
  WRITE_CHUNK,
  writeInventory,
  runNow,
  writeFirstInventory,
  writeInventoryIfUnchanged,
} from "./sqlite-inventory.js";
import { WAL_LIMIT_BYTES, WalCheckpointer } from "./wal-checkpointer.js";
import { WalSync } from "./wal-sync.js";

export interface SqliteStoreOptions {
  /** How long a statement waits for another connection's lock (the CLI, a second server). */
  busyTimeoutMs?: number;
}

/**
 * A store in one SQLite file, which the server and the CLI may open at the same time.
 * better-sqlite3 is synchronous; each method runs its statement and returns a settled promise.
 */
export class SqliteStore implements S.Store {
  readonly kind = "sqlite";
  readonly #db: Database.Database;
  readonly #path: string;
  readonly #busyTimeoutMs: number;
  readonly #checkpointer: WalCheckpointer;
  /** Undefined for a database in memory, which has no WAL to sync. */
  readonly #walSync: WalSync | undefined;
  #statements: Statements | undefined;
  #fileIdentity: string | undefined;
  #fileCheckedAt = 0;

  constructor(path: string, { busyTimeoutMs = 5000 }: SqliteStoreOptions = {}) {
    this.#path = path;
    this.#busyTimeoutMs = busyTimeoutMs;
    try {
      createPrivately(path);
      this.#db = new Database(path);
      this.#db.pragma(`busy_timeout = ${Math.min(SYNC_BUSY_WAIT_MS, Math.trunc(busyTimeoutMs))}`);
      this.#db.pragma("journal_mode = WAL");
      // FULL syncs the WAL at every commit. Logons and logouts commit without and then sync
      // it off the event loop (wal-sync.ts): a 201 still promises the session survives a
      // power cut.
      this.#db.pragma("synchronous = FULL");
      this.#db.pragma("foreign_keys = ON");
      // Checkpoints run on a thread of their own (wal-checkpointer.ts), never in a commit.
      this.#db.pragma("wal_autocheckpoint = 0");
      // A WAL that grew during a burst is cut back to the limit when it starts over.
      this.#db.pragma(`journal_size_limit = ${WAL_LIMIT_BYTES}`);
      this.#fileIdentity = identityOf(path);
    } catch (error) {
      throw new StoreUnavailable(`cannot open the SQLite database ${path}: ${message(error)}`, {
        cause: error,
      });
    }
    this.#checkpointer = new WalCheckpointer(path, {
      pageSize: Number(this.#db.pragma("page_size", { simple: true })),
      onFailure: (error) => this.#checkpointHere(error),
    });
    this.#walSync = inMemory(path) ? undefined : new WalSync(`${path}-wal`);
  }

  async migrate(): Promise<void> {
    await this.#try("migrate the schema", () => applyMigrations(this.#db), { write: true });
  }

  async close(): Promise<void> {
    // The thread's connection first: the last one to close folds the WAL into the file.
    await this.#checkpointer.close();
    if (this.#db.open) this.#db.close();
  }

  async addAccount(account: S.NewAccount): Promise<S.Account> {
    const added = {
      id: randomUUID(),
      domain: account.domain,
      name: account.name,
      role: account.role,
      passwordHash: account.passwordHash,
      createdAt: Date.now(),
    };
    const keys = { domainKey: nameKey(account.domain), nameKey: nameKey(account.name) };
    await this.#write(`add the account ${account.domain}\\${account.name}`, (sql) =>
      sql.addAccount.run({ ...added, ...keys }),
    );
    return added;
  }

  async findAccount(domain: string, name: string): Promise<S.Account | undefined> {
    const row = await this.#run("find an account", (sql) =>
      sql.findAccount.get(nameKey(domain), nameKey(name)),
    );
    return row && rows.toAccount(row);
  }

  async getAccount(id: string): Promise<S.Account | undefined> {
    const row = await this.#run("get an account", (sql) => sql.getAccount.get(id));
    return row && rows.toAccount(row);
  }

  async listAccounts(): Promise<S.Account[]> {
    const all = await this.#run("list accounts", (sql) => sql.listAccounts.all());
    return all.map(rows.toAccount);
  }

  async removeAccount(id: string): Promise<boolean> {
    return await this.#changed("remove an account", (sql) => sql.removeAccount.run(id));
  }

  async setAccountPassword(id: string, passwordHash: string): Promise<boolean> {
    return await this.#changed("set a password", (sql) =>
      sql.setAccountPassword.run(passwordHash, id),
    );
  }

  async setAccountRole(id: string, role: S.Role): Promise<boolean> {
    return await this.#changed("set a role", (sql) => sql.setAccountRole.run(role, id));
  }

  async addTenant(tenant: S.NewTenant): Promise<S.Tenant> {
    const added = {
      id: randomUUID(),
      name: tenant.name,
      passwordHash: tenant.passwordHash,
      createdAt: Date.now(),
    };
    await this.#write(`add the tenant ${tenant.name}`, (sql) =>
      sql.addTenant.run({ ...added, nameKey: nameKey(tenant.name) }),
    );
    return added;
  }

  async findTenant(name: string): Promise<S.Tenant | undefined> {
    const row = await this.#run("find a tenant", (sql) => sql.findTenant.get(nameKey(name)));
    return row && rows.toTenant(row);
  }

  async listTenants(): Promise<S.Tenant[]> {
    const all = await this.#run("list tenants", (sql) => sql.listTenants.all());
    return all.map(rows.toTenant);
  }

  async removeTenant(id: string): Promise<boolean> {
    return await this.#changed("remove a tenant", (sql) => sql.removeTenant.run(id));
  }

  async setTenantPassword(id: string, passwordHash: string): Promise<boolean> {
    return await this.#changed("set a password", (sql) =>
      sql.setTenantPassword.run(passwordHash, id),
    );
  }

  /** Durable when it resolves: the WAL is synced, off the event loop (wal-sync.ts). */
  async createSession(session: S.SessionRecord): Promise<void> {
    checkKeyHash(session.keyHash);
    const added = await this.#changed("create a session", (sql) => {
      const insert = session.kind === "account" ? sql.addAccountSession : sql.addTenantSession;
      return this.#unsynced(() => insert.run(rows.sessionParams(session)));
    });
    if (!added) throw new PrincipalGone(session.kind, session.principalId);
    await this.#durable("create a session");
  }

  async findSession(
    keyHash: Buffer,
    now: number,
    slideTo?: number,
  ): Promise<S.SessionRecord | undefined> {
    const found = await this.#liveSession(keyHash, now);
    if (!found) return undefined;

    const target = slideExpiry(found, slideTo);
    if (target === found.expiresAt) return found;

    const params = { keyHash, now, target };
    const slid = await this.#changed("slide a session", (sql) =>
      this.#unsynced(() => sql.slideSession.run(params)),
    );
    // Another connection deleted or slid it in between: report what is stored now.
    return slid ? { ...found, expiresAt: target } : await this.#liveSession(keyHash, now);
  }

  /** A logout is durable as a logon is: a session must not come back after a power cut. */
  async deleteSession(keyHash: Buffer): Promise<boolean> {
    const deleted = await this.#changed("delete a session", (sql) =>
      this.#unsynced(() => sql.deleteSession.run(keyHash)),
    );
    if (deleted) await this.#durable("delete a session");
    return deleted;
  }

  async listSessions(filter?: {
    kind: S.PrincipalKind;
    principalId: string;
  }): Promise<S.SessionRecord[]> {
    const all = await this.#run("list sessions", (sql) => {
      if (!filter) return sql.listSessions.all();
      const query = filter.kind === "account" ? sql.listAccountSessions : sql.listTenantSessions;
      return query.all(filter.principalId);
    });
    return all.map(rows.toSession);
  }

  async deleteExpiredSessions(now: number, limit: number): Promise<number> {
    // Deleting keys all over the table dirties many pages: a sweep writes the WAL fastest.
    await this.#checkpointer.room();
    const result = await this.#write("delete expired sessions", (sql) =>
      this.#unsynced(() => sql.deleteExpiredSessions.run(now, limit)),
    );
    if (result.changes > 0) this.#checkpointer.noteWrite();
    return result.changes;
  }

  /** Read in pages, each one short synchronous read in a snapshot of its own. */
  async readInventory(since: { generation: number; revision: number }) {
    return await readInPages(since, (after, limit) =>
      this.#run("read the inventory", (sql) =>
        this.#db.transaction(() => readInventoryPage(sql, after, limit))(),
      ),
    );
  }

  replaceInventory(records: S.InventoryRecord[]) {
    return this.#writeInventory("replace the inventory", records, (sql, chosen) =>
      writeInventory(sql, chosen, true),
    );
  }

  seedInventory(records: S.InventoryRecord[]) {
    return this.#writeInventory("seed the inventory", records, writeFirstInventory);
  }

  putInventoryRecords(records: S.InventoryRecord[]) {
    return this.#writeInventory("write inventory records", records, (sql, chosen) =>
      writeInventory(sql, chosen, false),
    );
  }

  /** The check and the write share one IMMEDIATE transaction: no other writer comes between. */
  putInventoryRecordsIfUnchanged(records: S.InventoryRecord[], seen: S.InventoryState) {
    return this.#writeInventory("write inventory records", records, (sql, chosen) =>
      writeInventoryIfUnchanged(sql, chosen, seen),
    );
  }

  /**
   * A write of a few thousand records runs at once on the store's connection; a bigger one
   * runs in chunks on a connection of its own (see `runBulkTransaction`), so the event loop
   * keeps serving while it lasts. Either way it is one transaction.
   */
  async #writeInventory<T>(
    what: string,
    given: S.InventoryRecord[],
    write: (sql: InventoryStatements, records: S.InventoryRecord[]) => Generator<void, T>,
  ): Promise<T> {
    const records = await recordsToWrite(given);
    if (records.length <= WRITE_CHUNK) {
      const written = await this.#write(what, (sql) =>
        this.#db.transaction(() => runNow(write(sql, records))).immediate(),
      );
      this.#checkpointer.noteWrite();
      return written;
    }

    // A replace of 200,000 records adds 60 MB to the WAL: start it from a WAL within bounds.
    await this.#checkpointer.room();
    const begin = (db: Database.Database) => this.#try(what, () => void db.exec("BEGIN IMMEDIATE"));
    const options = { path: this.#path, begin, storeOpen: () => this.#db.open };
    try {
      this.#checkFile(true);
      const written = await runBulkTransaction(options, (db) =>
        write(inventoryStatements(db), records),
      );
      this.#checkFile(true);
      return written;
    } catch (error) {
      throw mapSqliteError(error, what, this.#db.open);
    } finally {
      if (this.#db.open) this.#checkpointer.noteWrite();
    }
  }

  async #liveSession(keyHash: Buffer, now: number): Promise<S.SessionRecord | undefined> {
    const row = await this.#run("find a session", (sql) => sql.findSession.get(keyHash));
    const session = row && rows.toSession(row);
    return session && session.expiresAt > now ? session : undefined;
  }

  /** Waits until what this connection committed is on disk; see wal-sync.ts. */
  async #durable(what: string): Promise<void> {
    if (this.#walSync === undefined) return;
    try {
      await this.#walSync.sync();
    } catch (error) {
      throw new StoreUnavailable(`cannot ${what}: syncing the WAL failed: ${message(error)}`, {
        cause: error,
      });
    }
  }

  /**
   * Runs a write without a sync of its own: it reaches the disk with the next synced commit,
   * checkpoint or `#durable`. Alone only where its loss in a machine crash is harmless: a lost
   * slide ends a session sooner, never later; a lost deletion of expired sessions is made
   * again by the next sweep. Logons and logouts follow it with `#durable`. Every other commit
   * stays synced, as the constructor set.
   */
  #unsynced<T>(work: () => T): T {
    // A prepared PRAGMA does not take effect when run again, so these are executed each time.
    this.#db.exec("PRAGMA synchronous = NORMAL");
    try {
      return work();
    } finally {
      this.#db.exec("PRAGMA synchronous = FULL");
    }
  }

  /**
   * Without its thread the WAL would grow for ever: SQLite's own automatic checkpoint takes
   * over, on this connection, at its default threshold.
   */
  #checkpointHere(error: Error): void {
    if (this.#db.open) this.#db.pragma("wal_autocheckpoint = 1000");
    process.emitWarning(
      `SQLite checkpoints of ${this.#path} moved back to the serving thread: ${error.message}`,
    );
  }

  async #changed(what: string, work: (sql: Statements) => { changes: number }): Promise<boolean> {
    return (await this.#write(what, work)).changes > 0;
  }

  /** Runs `work` with the statements, prepared on first use, after the schema exists. */
  #run<T>(what: string, work: (sql: Statements) => T): Promise<T> {
    return this.#try(what, () => work(this.#sql()));
  }

  /**
   * Runs a write, checking just before and just after it that the file is still the one
   * opened: a write into a deleted file would be acknowledged and then lost at restart.
   */
  #write<T>(what: string, work: (sql: Statements) => T): Promise<T> {
    return this.#try(what, () => work(this.#sql()), { write: true });
  }

  #sql(): Statements {
    return (this.#statements ??= prepareStatements(this.#db));
  }

  /**
   * Runs `work`, raising store errors for SQLite's. While another connection holds the lock,
   * it retries after short sleeps rather than letting SQLite wait on the event loop, so a
   * lock held by the CLI or a backup stalls only the requests that need the store.
   */
  async #try<T>(what: string, work: () => T, { write = false } = {}): Promise<T> {
    const deadline = Date.now() + this.#busyTimeoutMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      try {
        this.#checkFile(write);
        const result = work();
        if (write) this.#checkFile(true);
        return result;
      } catch (error) {
        if (!isBusy(error) || Date.now() + pause > deadline) {
          throw mapSqliteError(error, what, this.#db.open);
        }
      }
      await sleep(pause);
    }
  }

  /**
   * Refuses to go on with a database file that was deleted or replaced under the open handle:
   * writes to it would vanish at the next start. Writes check every time (`always`): a stat
   * took 1.5 µs here, beside 1.7 ms for a synced commit. Reads check at most once a second,
   * as a read of the old file shows what was true a moment ago and loses nothing.
   */
  #checkFile(always = false): void {
    const now = Date.now();
    if (this.#fileIdentity === undefined) return;
    if (!always && now < this.#fileCheckedAt + 1000) return;
    if (identityOf(this.#path) !== this.#fileIdentity) {
      throw new StoreUnavailable(
        `the SQLite database ${this.#path} was removed or replaced while open; restart emrest`,
      );
    }
    // Only a file found in place earns a second without checks; a missing one is re-checked.
    this.#fileCheckedAt = now;
  }
}

/** SQLite's own wait for a lock, kept short: it blocks the event loop while it waits. */
const SYNC_BUSY_WAIT_MS = 10;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** Device and inode of a file, or undefined when it does not exist. */
function identityOf(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The database holds password hashes and the inventory: a new file is made readable by its
 * owner only, whatever the umask, and SQLite gives its -wal and -shm files the same mode.
 */
function createPrivately(path: string): void {
  if (inMemory(path)) return;
  try {
    closeSync(openSync(path, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

function inMemory(path: string): boolean {
  return path === ":memory:" || path === "";
}
