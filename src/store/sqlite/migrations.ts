import type { Database } from "better-sqlite3";

/** One schema step. Versions only grow; a released step is never edited, only followed. */
interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * Sessions are kept compact: the 32-byte keyHash is the primary key of a `WITHOUT ROWID`
 * table, times are integers, and the principal is a small integer reference whose deletion
 * cascades, so removing an account or tenant removes its sessions.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "accounts, tenants and sessions",
    sql: `
      CREATE TABLE accounts (
        pk            INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        domain        TEXT NOT NULL,
        name          TEXT NOT NULL,
        domain_key    TEXT NOT NULL,
        name_key      TEXT NOT NULL,
        role          TEXT NOT NULL
          CHECK (role IN ('PortalAdministrator', 'PortalUser', 'RestoreOperator', 'None')),
        password_hash TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        UNIQUE (domain_key, name_key)
      );

      CREATE TABLE tenants (
        pk            INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL,
        name_key      TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at    INTEGER NOT NULL
      );

      CREATE TABLE sessions (
        key_hash        BLOB PRIMARY KEY CHECK (length(key_hash) = 32),
        account_pk      INTEGER REFERENCES accounts (pk) ON DELETE CASCADE,
        tenant_pk       INTEGER REFERENCES tenants (pk) ON DELETE CASCADE,
        user_name       TEXT NOT NULL,
        role            TEXT NOT NULL,
        version         TEXT NOT NULL,
        created_at      INTEGER NOT NULL,
        expires_at      INTEGER NOT NULL,
        hard_expires_at INTEGER NOT NULL,
        CHECK ((account_pk IS NULL) <> (tenant_pk IS NULL))
      ) WITHOUT ROWID;

      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE INDEX sessions_by_account ON sessions (account_pk, created_at)
        WHERE account_pk IS NOT NULL;
      CREATE INDEX sessions_by_tenant ON sessions (tenant_pk, created_at)
        WHERE tenant_pk IS NOT NULL;
    `,
  },
  {
    version: 2,
    description: "the backup inventory",
    // `revision` is the rowid: reading in write order is a walk along the table itself. A
    // record written again gets a new rowid, so it moves to the end. The single state row
    // holds the generation and the last revision handed out.
    sql: `
      CREATE TABLE inventory_state (
        only_row   INTEGER PRIMARY KEY CHECK (only_row = 1),
        generation INTEGER NOT NULL,
        revision   INTEGER NOT NULL
      );
      INSERT INTO inventory_state VALUES (1, 0, 0);

      CREATE TABLE inventory_records (
        revision INTEGER PRIMARY KEY,
        kind     TEXT NOT NULL,
        id       TEXT NOT NULL,
        body     TEXT NOT NULL,
        UNIQUE (kind, id)
      );
    `,
  },
];

/** The newest schema version this build knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Brings the schema up to `SCHEMA_VERSION`, each step with its row in `schema_migrations`.
 * `BEGIN IMMEDIATE` takes the write lock first, so a CLI and a server starting together
 * apply each step once; a database from a newer emrest is refused rather than guessed at.
 */
export function applyMigrations(db: Database): void {
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at  INTEGER NOT NULL
    )`);
    const current = currentVersion(db);
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `the SQLite database is at schema version ${current}, newer than this emrest ` +
          `(${SCHEMA_VERSION}); upgrade emrest`,
      );
    }

    const record = db.prepare("INSERT INTO schema_migrations VALUES (?, ?, ?)");
    for (const step of MIGRATIONS.filter((m) => m.version > current)) {
      db.exec(step.sql);
      record.run(step.version, step.description, Date.now());
    }
  });
  run.immediate();
}

function currentVersion(db: Database): number {
  const row = db.prepare("SELECT max(version) AS version FROM schema_migrations").get() as {
    version: number | null;
  };
  return row.version ?? 0;
}
