import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";

import { ConfigError } from "../config.js";
import { MemoryStore } from "./memory/memory-store.js";
import { StoreUnavailable, type Store } from "./store.js";

const KNOWN = "use sqlite:PATH, memory:, postgres://… or redis://…";

export interface OpenStoreOptions {
  /** Where a relative `sqlite:` path lives; the working directory when not given. */
  dataDir?: string;
}

/**
 * Opens the store a URL names and brings its schema up to date:
 * `sqlite:PATH` (relative to `dataDir`; missing folders are created), `memory:`,
 * `postgres://` or `postgresql://`, `redis://` or `rediss://`. Each driver is loaded only
 * when its scheme is used. An unknown scheme is a `ConfigError` with one line to print.
 */
export async function openStore(url: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const store = await createStore(url, opts);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

async function createStore(url: string, opts: OpenStoreOptions): Promise<Store> {
  const colon = url.indexOf(":");
  const scheme = colon > 0 ? url.slice(0, colon).toLowerCase() : "";

  switch (scheme) {
    case "memory":
      return new MemoryStore();
    case "sqlite":
      return openSqlite(url.slice(colon + 1), opts.dataDir);
    case "postgres":
    case "postgresql": {
      const { PostgresStore } = await import("./postgres/postgres-store.js");
      return new PostgresStore(url);
    }
    case "redis":
    case "rediss": {
      const { RedisStore } = await import("./redis/redis-store.js");
      return new RedisStore(url);
    }
    default:
      // Only the scheme is echoed: the rest of a URL may hold a password.
      throw new ConfigError(
        scheme
          ? `unknown store scheme "${scheme}:"; ${KNOWN}`
          : `the store URL has no scheme; ${KNOWN}`,
      );
  }
}

async function openSqlite(path: string, dataDir = "."): Promise<Store> {
  if (path === "")
    throw new ConfigError("the sqlite: store URL needs a file path, as in sqlite:emrest.db");
  const file = resolve(dataDir, path);

  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new StoreUnavailable(`cannot create the folder of ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { SqliteStore } = await import("./sqlite/sqlite-store.js");
  return new SqliteStore(file);
}
