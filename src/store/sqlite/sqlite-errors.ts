import { AlreadyExists, StoreUnavailable } from "../store.js";

/**
 * SQLite result codes that mean the database cannot be reached or written right now: the file
 * cannot be opened, the disk fails or is full, the file is read-only, or another connection
 * held the lock past `busy_timeout`. They become `StoreUnavailable`, so clients see a 503.
 */
const UNAVAILABLE = /^SQLITE_(CANTOPEN|IOERR|FULL|READONLY|BUSY|LOCKED|PROTOCOL|NOLFS|AUTH)/;

const UNIQUE = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"]);

/**
 * The error a store method raises for `error`, caught while trying `what` (for example
 * "add an account"). Anything not listed stays as it was and ends as a 500 upstream.
 */
export function mapSqliteError(error: unknown, what: string, dbOpen: boolean): unknown {
  if (!dbOpen) {
    return new StoreUnavailable(`cannot ${what}: the SQLite database is closed`, { cause: error });
  }

  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return error;
  if (UNIQUE.has(code)) return new AlreadyExists(`cannot ${what}: it already exists`);
  if (UNAVAILABLE.test(code)) {
    return new StoreUnavailable(`cannot ${what}: SQLite says ${code}`, { cause: error });
  }
  return error;
}
