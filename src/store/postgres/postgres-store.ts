import { randomUUID } from "node:crypto";
import pg, { type PoolClient, type QueryResultRow } from "pg";
import {
  PrincipalGone,
  type Account,
  type InventoryRecord,
  type InventoryState,
  type NewAccount,
  type NewTenant,
  type PrincipalKind,
  type Role,
  type SessionRecord,
  type Store,
  type Tenant,
} from "../store.js";
import { checkKeyHash } from "../check-key-hash.js";
import { readInPages } from "../inventory-pages.js";
import { recordsToWrite } from "../inventory-writes.js";
import { nameKey } from "../name-key.js";
import * as inventory from "./inventory-sql.js";
import { runMigrations } from "./migrations.js";
import { readPostgresUrl } from "./pool-options.js";
import * as rows from "./rows.js";
import { SessionReads } from "./session-reads.js";
import * as sql from "./session-sql.js";
import { sqlState, toStoreError } from "./store-error.js";

const FOREIGN_KEY_VIOLATION = "23503";

/**
 * The PostgreSQL store: several emrest nodes pointed at one database share accounts,
 * tenants and sessions. A session is durable once `createSession` resolves (a committed
 * transaction, with the server's default `synchronous_commit`).
 *
 * The URL is anything `pg` accepts, e.g. `postgres://emrest@db.example/emrest`, plus an
 * optional `?schema=NAME` (lower-case letters, digits, `_`): every table then lives in that
 * schema, created by `migrate()`. Tests use a fresh schema each and drop it afterwards.
 *
 * A server that is down or hung makes calls reject with `StoreUnavailable` within about
 * 2 s (connect) or 5 s (query); the pool opens new connections once it is back.
 */
export class PostgresStore implements Store {
  readonly kind = "postgres";
  readonly #pool: pg.Pool;
  readonly #schema: string | undefined;
  readonly #sessionReads: SessionReads;

  constructor(url: string) {
    const options = readPostgresUrl(url);
    this.#schema = options.schema;
    this.#pool = new pg.Pool(options.pool);
    // An idle connection that the server drops (restart, admin shutdown) is reported here;
    // the pool has already discarded it, and without a listener the process would crash.
    this.#pool.on("error", () => {});
    this.#sessionReads = new SessionReads(this.#pool);
  }

  async migrate(): Promise<void> {
    try {
      await runMigrations(this.#pool, this.#schema);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async addAccount(account: NewAccount): Promise<Account> {
    const { domain, name, role, passwordHash } = account;
    const id = randomUUID();
    const created: Account = { id, domain, name, role, passwordHash, createdAt: Date.now() };

    await this.#query(
      "INSERT INTO accounts" +
        " (id, domain, name, domain_key, name_key, role, password_hash, created_at)" +
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      [id, domain, name, nameKey(domain), nameKey(name), role, passwordHash, created.createdAt],
      `An account ${domain}\\${name} already exists.`,
    );
    return created;
  }

  async findAccount(domain: string, name: string): Promise<Account | undefined> {
    const sqlText =
      `SELECT ${rows.ACCOUNT_COLUMNS} FROM accounts` + " WHERE domain_key = $1 AND name_key = $2";
    const keys = [nameKey(domain), nameKey(name)];
    const result = await this.#query<rows.AccountRow>(sqlText, keys);
    return result.rows.map(rows.toAccount)[0];
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const sqlText = `SELECT ${rows.ACCOUNT_COLUMNS} FROM accounts WHERE id = $1`;
    const result = await this.#query<rows.AccountRow>(sqlText, [id]);
    return result.rows.map(rows.toAccount)[0];
  }

  async listAccounts(): Promise<Account[]> {
    const sqlText = `SELECT ${rows.ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id`;
    const result = await this.#query<rows.AccountRow>(sqlText, []);
    return result.rows.map(rows.toAccount);
  }

  /** Its sessions go with it, by the foreign key's cascade. */
  removeAccount(id: string): Promise<boolean> {
    return this.#update("DELETE FROM accounts WHERE id = $1", [id]);
  }

  setAccountPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#update("UPDATE accounts SET password_hash = $2 WHERE id = $1", [id, passwordHash]);
  }

  setAccountRole(id: string, role: Role): Promise<boolean> {
    return this.#update("UPDATE accounts SET role = $2 WHERE id = $1", [id, role]);
  }

  async addTenant(tenant: NewTenant): Promise<Tenant> {
    const { name, passwordHash } = tenant;
    const created: Tenant = { id: randomUUID(), name, passwordHash, createdAt: Date.now() };

    await this.#query(
      "INSERT INTO tenants (id, name, name_key, password_hash, created_at)" +
        " VALUES ($1, $2, $3, $4, $5)",
      [created.id, name, nameKey(name), passwordHash, created.createdAt],
      `A tenant ${name} already exists.`,
    );
    return created;
  }

  async findTenant(name: string): Promise<Tenant | undefined> {
    const sqlText = `SELECT ${rows.TENANT_COLUMNS} FROM tenants WHERE name_key = $1`;
    const result = await this.#query<rows.TenantRow>(sqlText, [nameKey(name)]);
    return result.rows.map(rows.toTenant)[0];
  }

  async listTenants(): Promise<Tenant[]> {
    const sqlText = `SELECT ${rows.TENANT_COLUMNS} FROM tenants ORDER BY created_at, id`;
    const result = await this.#query<rows.TenantRow>(sqlText, []);
    return result.rows.map(rows.toTenant);
  }

  /** Its sessions go with it, by the foreign key's cascade. */
  removeTenant(id: string): Promise<boolean> {
    return this.#update("DELETE FROM tenants WHERE id = $1", [id]);
  }

  setTenantPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#update("UPDATE tenants SET password_hash = $2 WHERE id = $1", [id, passwordHash]);
  }

  /** Refuses a key that is taken (`AlreadyExists`) and a principal that does not exist. */
  async createSession(session: SessionRecord): Promise<void> {
    checkKeyHash(session.keyHash);
    const { keyHash, kind, principalId, userName, role, version } = session;
    const times = [session.createdAt, session.expiresAt, session.hardExpiresAt];

    try {
      await this.#pool.query(sql.INSERT_SESSION, [
        ...[keyHash, kind, principalId, userName, role, version],
        ...times,
      ]);
    } catch (error) {
      if (sqlState(error) === FOREIGN_KEY_VIOLATION) {
        throw new PrincipalGone(kind, principalId);
      }
      throw toStoreError(error, "A session with this key already exists.");
    }
  }

  /** Gathered with the other lookups of the same moment (session-reads.ts). */
  findSession(keyHash: Buffer, now: number, slideTo?: number): Promise<SessionRecord | undefined> {
    return this.#sessionReads.find(keyHash, now, slideTo);
  }

  async deleteSession(keyHash: Buffer): Promise<boolean> {
    const result = await this.#query(sql.DELETE_SESSION, [keyHash]);
    return result.rowCount === 1;
  }

  async listSessions(filter?: {
    kind: PrincipalKind;
    principalId: string;
  }): Promise<SessionRecord[]> {
    const now = Date.now();
    const result = filter
      ? await this.#query<rows.SessionRow>(sql.listPrincipalSessionsSql(filter.kind), [
          now,
          filter.principalId,
        ])
      : await this.#query<rows.SessionRow>(sql.LIST_SESSIONS, [now]);
    return result.rows.map(rows.toSession);
  }

  async deleteExpiredSessions(now: number, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const result = await this.#query(sql.DELETE_EXPIRED_SESSIONS, [now, Math.floor(limit)]);
    return result.rowCount ?? 0;
  }

  async readInventory(since: { generation: number; revision: number }) {
    return await readInPages(since, async (after, limit) => {
      try {
        return await inventory.readInventoryPage(this.#pool, after, limit);
      } catch (error) {
        throw toStoreError(error);
      }
    });
  }

  /**
   * One transaction: readers see the old inventory until it commits, then the new one. Other
   * inventory writes wait for it; sessions and accounts are not held up.
   */
  async replaceInventory(records: InventoryRecord[]) {
    const chosen = await recordsToWrite(records);
    return await this.#transaction((client) => inventory.writeInventory(client, chosen, true));
  }

  async seedInventory(records: InventoryRecord[]) {
    const chosen = await recordsToWrite(records);
    return await this.#transaction(async (client) =>
      (await inventory.lockGeneration(client)) === 0
        ? await inventory.writeInventory(client, chosen, true)
        : null,
    );
  }

  async putInventoryRecords(records: InventoryRecord[]) {
    const chosen = await recordsToWrite(records);
    return await this.#transaction((client) => inventory.writeInventory(client, chosen, false));
  }

  /** The state row stays locked from the check to the commit, so no write comes between. */
  async putInventoryRecordsIfUnchanged(records: InventoryRecord[], seen: InventoryState) {
    const chosen = await recordsToWrite(records);
    return await this.#transaction(async (client) => {
      const state = await inventory.lockState(client);
      const unchanged = state.generation === seen.generation && state.revision === seen.revision;
      return unchanged ? await inventory.writeInventory(client, chosen, false) : null;
    });
  }

  /** Runs `work` in a transaction on one connection, which is dropped rather than reused if anything fails. */
  async #transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    // A connection that dies while checked out emits "error"; the failing query reports it.
    const ignore = (): void => {};
    client.on("error", ignore);
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      client.off("error", ignore);
      client.release();
      return result;
    } catch (error) {
      client.off("error", ignore);
      client.release(error instanceof Error ? error : true);
      throw toStoreError(error);
    }
  }

  async #update(sqlText: string, values: unknown[]): Promise<boolean> {
    const result = await this.#query(sqlText, values);
    return result.rowCount === 1;
  }

  async #query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values: unknown[],
    duplicateMessage?: string,
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.#pool.query<R>(text, values);
    } catch (error) {
      throw toStoreError(error, duplicateMessage);
    }
  }
}
