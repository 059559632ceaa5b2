import { AlreadyExists, StoreUnavailable } from "../store.js";

/** SQLSTATE for a unique constraint that a write would break. */
const UNIQUE_VIOLATION = "23505";

/**
 * Turns whatever `pg` threw into the store's own errors: a unique violation becomes
 * `AlreadyExists`; everything else (refused or dropped connections, connect and query
 * time-outs, `57P01` admin shutdown, the `08` connection class, an exhausted pool, or any
 * other error the server answers with) becomes `StoreUnavailable`, with the original as
 * its cause so the log shows it.
 */
export function toStoreError(error: unknown, duplicateMessage = "It already exists."): Error {
  if (error instanceof AlreadyExists || error instanceof StoreUnavailable) return error;
  if (sqlState(error) === UNIQUE_VIOLATION) return new AlreadyExists(duplicateMessage);
  return new StoreUnavailable(`PostgreSQL: ${describe(error)}`, { cause: error });
}

/** The SQLSTATE (or Node error code) of what pg threw, if any. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function describe(error: unknown): string {
  const code = sqlState(error);
  const message = error instanceof Error ? error.message : String(error);
  // A refused connection to a host name with several addresses arrives as an
  // AggregateError whose own message is empty.
  if (!message) return code ?? "the connection failed";
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
