import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import Database from "better-sqlite3";

import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { StoreUnavailable, type Store } from "../../src/store/store.js";
import { storeContract } from "./contract.js";
import { addAccount, keyHash, MINUTE, sessionOf } from "./contract/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "emrest-sqlite-"));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const paths = new WeakMap<Store, string>();

async function openAt(path: string, busyTimeoutMs?: number): Promise<SqliteStore> {
  const store = new SqliteStore(path, { busyTimeoutMs });
  await store.migrate();
  paths.set(store, path);
  return store;
}

function freshPath(): string {
  return join(dir, `store-${++files}.db`);
}

storeContract("sqlite", () => openAt(freshPath()), {
  reopen: (closed) => openAt(paths.get(closed)!),
});
