import type { Pool, QueryConfig, QueryResult } from "pg";

/** One schema change. Versions only grow; a released migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, step by step. Times are epoch milliseconds in `bigint`; a session is keyed
 * by the SHA-256 of its token. The `*_key` columns hold names folded by `nameKey`, which
 * lookups and the uniqueness rules compare, so every store folds names alike. A session
 * points at its account or tenant through a foreign key that cascades: removing the
 * principal removes its sessions, even one a concurrent logon is writing.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "accounts, tenants and sessions",
    sql: `
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        domain text NOT NULL,
        name text NOT NULL,
        domain_key text NOT NULL,
        name_key text NOT NULL,
        role text NOT NULL,
        password_hash text NOT NULL,
        created_at bigint NOT NULL,
        UNIQUE (domain_key, name_key)
      );
      CREATE TABLE tenants (
        id text PRIMARY KEY,
        name text NOT NULL,
        name_key text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        created_at bigint NOT NULL
      );
      CREATE TABLE sessions (
        key_hash bytea PRIMARY KEY,
        kind text NOT NULL,
        account_id text REFERENCES accounts (id) ON DELETE CASCADE,
        tenant_id text REFERENCES tenants (id) ON DELETE CASCADE,
        user_name text NOT NULL,
        role text NOT NULL,
        version text NOT NULL,
        created_at bigint NOT NULL,
        expires_at bigint NOT NULL,
        hard_expires_at bigint NOT NULL,
        CHECK (
          (kind = 'account' AND account_id IS NOT NULL AND tenant_id IS NULL) OR
          (kind = 'tenant' AND tenant_id IS NOT NULL AND account_id IS NULL)
        )
      );
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE INDEX sessions_by_account ON sessions (account_id, created_at);
      CREATE INDEX sessions_by_tenant ON sessions (tenant_id, created_at);
    `,
  },
  {
    version: 2,
    name: "the backup inventory",
    // One state row: the generation and the last revision handed out. Every write locks it
    // first, so writes queue there and commit in the order of their revisions.
    sql: `
      CREATE TABLE inventory_state (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        generation bigint NOT NULL,
        revision bigint NOT NULL
      );
      INSERT INTO inventory_state (generation, revision) VALUES (0, 0);
      CREATE TABLE inventory_records (
        kind text NOT NULL,
        id text NOT NULL,
        revision bigint NOT NULL UNIQUE,
        body text NOT NULL,
        PRIMARY KEY (kind, id)
      );
    `,
  },
];

/**
 * Migrations may rewrite large tables, and a node may wait for another's to finish, so they
 * get longer than ordinary statements: on the server and, a little longer, in the client.
 */
const MIGRATION_TIMEOUT_MS = 60_000;

/**
 * Brings the schema up to date. Everything runs in one transaction that first takes a
 * transaction-level advisory lock, so nodes starting together wait for each other and
 * each migration is applied exactly once; a failure leaves the schema as it was.
 *
 * `schema` is the checked name from the URL (see `readPostgresUrl`), created when missing.
 */
export async function runMigrations(pool: Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  // A connection that dies while checked out emits "error"; the failing query reports it.
  const ignore = (): void => {};
  client.on("error", ignore);
  const run = (text: string, values: unknown[] = []) =>
    client.query<{ version: number }>({
      text,
      values,
      query_timeout: MIGRATION_TIMEOUT_MS + 5000,
    } as QueryConfig);

  try {
    await run("BEGIN");
    await migrateLocked(run, schema);
    await run("COMMIT");
    client.off("error", ignore);
    client.release();
  } catch (error) {
    // The connection may be stuck in the failed transaction: end it rather than reuse it.
    client.off("error", ignore);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

type Run = (text: string, values?: unknown[]) => Promise<QueryResult<{ version: number }>>;

async function migrateLocked(run: Run, schema: string | undefined): Promise<void> {
  await run(`SET LOCAL statement_timeout = ${MIGRATION_TIMEOUT_MS}`);
  await run("SELECT pg_advisory_xact_lock(hashtext($1))", [`emrest.migrate.${schema ?? ""}`]);
  // An identifier cannot be a query parameter; the name matched a strict pattern.
  if (schema !== undefined) await run(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await run(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at bigint NOT NULL
    )`);

  const applied = await run("SELECT version FROM schema_migrations");
  const done = new Set(applied.rows.map((row) => row.version));
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    await run(migration.sql);
    await run("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
      migration.version,
      migration.name,
      Date.now(),
    ]);
  }
}
