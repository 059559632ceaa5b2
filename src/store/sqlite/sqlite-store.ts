import { randomUUID } from "node:crypto";

import Database from "better-sqlite3";

import { checkKeyHash } from "../check-key-hash.js";
import { nameKey } from "../name-key.js";
import { slideExpiry } from "../slide-expiry.js";
import type * as S from "../store.js";
import { PrincipalGone, StoreUnavailable } from "../store.js";
import { applyMigrations } from "./migrations.js";
import { mapSqliteError } from "./sqlite-errors.js";
import { prepareStatements, type Statements } from "./statements.js";
import * as rows from "./rows.js";

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
  #statements: Statements | undefined;

  constructor(path: string, { busyTimeoutMs = 5000 }: SqliteStoreOptions = {}) {
    try {
      this.#db = new Database(path);
      this.#db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
      this.#db.pragma("journal_mode = WAL");
      // FULL syncs the WAL at every commit: a 201 promises the session survives a power cut.
      this.#db.pragma("synchronous = FULL");
      this.#db.pragma("foreign_keys = ON");
    } catch (error) {
      throw new StoreUnavailable(`cannot open the SQLite database ${path}: ${message(error)}`, {
        cause: error,
      });
    }
  }

  async migrate(): Promise<void> {
    this.#try("migrate the schema", () => applyMigrations(this.#db));
  }

  async close(): Promise<void> {
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
    this.#run(`add the account ${account.domain}\\${account.name}`, (sql) =>
      sql.addAccount.run({ ...added, ...keys }),
    );
    return added;
  }

  async findAccount(domain: string, name: string): Promise<S.Account | undefined> {
    const row = this.#run("find an account", (sql) =>
      sql.findAccount.get(nameKey(domain), nameKey(name)),
    );
    return row && rows.toAccount(row);
  }

  async getAccount(id: string): Promise<S.Account | undefined> {
    const row = this.#run("get an account", (sql) => sql.getAccount.get(id));
    return row && rows.toAccount(row);
  }

  async listAccounts(): Promise<S.Account[]> {
    const all = this.#run("list accounts", (sql) => sql.listAccounts.all());
    return all.map(rows.toAccount);
  }

  async removeAccount(id: string): Promise<boolean> {
    return this.#changed("remove an account", (sql) => sql.removeAccount.run(id));
  }

  async setAccountPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#changed("set a password", (sql) => sql.setAccountPassword.run(passwordHash, id));
  }

  async setAccountRole(id: string, role: S.Role): Promise<boolean> {
    return this.#changed("set a role", (sql) => sql.setAccountRole.run(role, id));
  }

  async addTenant(tenant: S.NewTenant): Promise<S.Tenant> {
    const added = {
      id: randomUUID(),
      name: tenant.name,
      passwordHash: tenant.passwordHash,
      createdAt: Date.now(),
    };
    this.#run(`add the tenant ${tenant.name}`, (sql) =>
      sql.addTenant.run({ ...added, nameKey: nameKey(tenant.name) }),
    );
    return added;
  }

  async findTenant(name: string): Promise<S.Tenant | undefined> {
    const row = this.#run("find a tenant", (sql) => sql.findTenant.get(nameKey(name)));
    return row && rows.toTenant(row);
  }

  async listTenants(): Promise<S.Tenant[]> {
    const all = this.#run("list tenants", (sql) => sql.listTenants.all());
    return all.map(rows.toTenant);
  }

  async removeTenant(id: string): Promise<boolean> {
    return this.#changed("remove a tenant", (sql) => sql.removeTenant.run(id));
  }

  async setTenantPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#changed("set a password", (sql) => sql.setTenantPassword.run(passwordHash, id));
  }

  async createSession(session: S.SessionRecord): Promise<void> {
    checkKeyHash(session.keyHash);
    const added = this.#changed("create a session", (sql) => {
      const insert = session.kind === "account" ? sql.addAccountSession : sql.addTenantSession;
      return insert.run(rows.sessionParams(session));
    });
    if (!added) throw new PrincipalGone(session.kind, session.principalId);
  }

  async findSession(
    keyHash: Buffer,
    now: number,
    slideTo?: number,
  ): Promise<S.SessionRecord | undefined> {
    const found = this.#liveSession(keyHash, now);
    if (!found) return undefined;

    const target = slideExpiry(found, slideTo);
    if (target === found.expiresAt) return found;

    const params = { keyHash, now, target };
    const slid = this.#changed("slide a session", (sql) => sql.slideSession.run(params));
    // Another connection deleted or slid it in between: report what is stored now.
    return slid ? { ...found, expiresAt: target } : this.#liveSession(keyHash, now);
  }

  async deleteSession(keyHash: Buffer): Promise<boolean> {
    return this.#changed("delete a session", (sql) => sql.deleteSession.run(keyHash));
  }

  async listSessions(filter?: {
    kind: S.PrincipalKind;
    principalId: string;
  }): Promise<S.SessionRecord[]> {
    const all = this.#run("list sessions", (sql) => {
      if (!filter) return sql.listSessions.all();
      const query = filter.kind === "account" ? sql.listAccountSessions : sql.listTenantSessions;
      return query.all(filter.principalId);
    });
    return all.map(rows.toSession);
  }

  async deleteExpiredSessions(now: number, limit: number): Promise<number> {
    const result = this.#run("delete expired sessions", (sql) =>
      sql.deleteExpiredSessions.run(now, limit),
    );
    return result.changes;
  }

  #liveSession(keyHash: Buffer, now: number): S.SessionRecord | undefined {
    const row = this.#run("find a session", (sql) => sql.findSession.get(keyHash));
    const session = row && rows.toSession(row);
    return session && session.expiresAt > now ? session : undefined;
  }

  #changed(what: string, work: (sql: Statements) => { changes: number }): boolean {
    return this.#run(what, work).changes > 0;
  }

  /** Runs `work` with the statements, prepared on first use, after the schema exists. */
  #run<T>(what: string, work: (sql: Statements) => T): T {
    return this.#try(what, () => work((this.#statements ??= prepareStatements(this.#db))));
  }

  /** Runs `work`, raising store errors for SQLite's. */
  #try<T>(what: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw mapSqliteError(error, what, this.#db.open);
    }
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
