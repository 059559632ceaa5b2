import type { PoolConfig } from "pg";
import { ConfigError } from "../../config.js";

/** Connections one node keeps open at most. */
const POOL_MAX = 10;
/** A server that does not answer the handshake in this time counts as down. */
const CONNECT_TIMEOUT_MS = 2000;
/** The server cancels a statement that runs longer than this... */
const STATEMENT_TIMEOUT_MS = 4000;
/** ...and the client gives up waiting a little later, in case the server is hung. */
const QUERY_TIMEOUT_MS = 5000;
const IDLE_TIMEOUT_MS = 30_000;

/** Lower-case only: an unquoted name in `search_path` would be folded to lower case. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresOptions {
  pool: PoolConfig;
  /** The schema every table lives in, or undefined for the server's default search path. */
  schema: string | undefined;
}

/**
 * Reads a `postgres://` URL. Besides everything `pg` understands, it takes `?schema=NAME`:
 * the store then creates that schema on `migrate()` and keeps every table in it, so several
 * emrest installations (or test runs) can share one database without seeing each other.
 */
export function readPostgresUrl(url: string): PostgresOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The URL is not echoed: it may hold a password.
    throw new ConfigError("The PostgreSQL store URL is not a valid URL.");
  }

  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ConfigError(
      `The PostgreSQL schema "${schema}" is not allowed: use lower-case letters, digits and _.`,
    );
  }

  if (schema !== undefined) {
    // A value in the URL beats the pool's own options in pg, so search_path goes there.
    // The name was checked above and needs no quoting.
    const given = parsed.searchParams.get("options");
    const searchPath = `-c search_path=${schema}`;
    parsed.searchParams.set("options", given ? `${given} ${searchPath}` : searchPath);
  }

  const pool: PoolConfig = {
    connectionString: parsed.toString(),
    max: POOL_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: "emrest",
  };
  return { pool, schema };
}
