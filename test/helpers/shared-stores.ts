import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { RedisStore } from "../../src/store/redis/redis-store.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { Store } from "../../src/store/store.js";
import { dropTestSchemas, freshSchemaUrl, postgresSkipReason } from "../store/postgres-server.js";
import { deleteTestKeys, freshPrefixUrl, redisSkipReason } from "../store/redis-server.js";

/** One empty place several nodes share: each `open` is another node's own connection. */
export interface SharedPlace {
  open(): Promise<Store>;
  remove(): Promise<void>;
}

/** A store kind that several nodes can share, skipped with a reason when its server is down. */
export interface SharedStoreKind {
  name: string;
  skip: string | undefined;
  place(): SharedPlace;
}

async function migrated(store: Store): Promise<Store> {
  await store.migrate();
  return store;
}

/** SQLite (one file), PostgreSQL (one schema) and Redis (one key prefix). */
export async function sharedStoreKinds(): Promise<SharedStoreKind[]> {
  return [
    {
      name: "SQLite",
      skip: undefined,
      place() {
        const dir = mkdtempSync(join(tmpdir(), "emrest-shared-"));
        const path = join(dir, "emrest.db");
        return {
          open: () => migrated(new SqliteStore(path)),
          remove: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
    {
      name: "PostgreSQL",
      skip: await postgresSkipReason(),
      place() {
        const url = freshSchemaUrl();
        return { open: () => migrated(new PostgresStore(url)), remove: dropTestSchemas };
      },
    },
    {
      name: "Redis",
      skip: await redisSkipReason(),
      place() {
        const url = freshPrefixUrl();
        return { open: () => migrated(new RedisStore(url)), remove: deleteTestKeys };
      },
    },
  ];
}
