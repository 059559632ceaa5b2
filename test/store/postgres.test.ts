import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

import { ConfigError } from "../../src/config.js";
import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { SLIDE_GRANULARITY_MS } from "../../src/store/store.js";
import { storeContract } from "./contract.js";
import { reopenableStores } from "./reopenable.js";
import { addAccount, MINUTE, sessionOf } from "./contract/fixtures.js";
import {
  adminQuery,
  dropTestSchemas,
  freshSchemaUrl,
  POSTGRES_URL,
  postgresSkipReason,
  schemaOf,
  withParams,
} from "./postgres-server.js";

const skip = await postgresSkipReason();
const { open: openStore, reopen, sibling } = reopenableStores((url) => new PostgresStore(url));

after(dropTestSchemas);

storeContract("postgres", () => openStore(freshSchemaUrl()), {
  skip,
  reopen,
  sibling,
});

describe("postgres store", { skip }, () => {
  it("lets two stores on one database see each other's sessions", async () => {
    const url = freshSchemaUrl();
    const [a, b] = [await openStore(url), await openStore(url)];
    try {
      const t0 = Date.now();
      const admin = await addAccount(a, "Administrator");
      const session = sessionOf(admin, t0);
      await a.createSession(session);

      assert.deepEqual(await b.findAccount("srv12", "administrator"), admin);
      assert.deepEqual(await b.findSession(session.keyHash, t0), session);
      const slid = await b.findSession(session.keyHash, t0, t0 + 30 * MINUTE);
      assert.deepEqual(await a.findSession(session.keyHash, t0), slid);
      assert.equal(await b.deleteSession(session.keyHash), true);
      assert.equal(await a.findSession(session.keyHash, t0), undefined);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("applies migrations once when three stores migrate at the same moment", async () => {
    const url = freshSchemaUrl();
    const stores = [new PostgresStore(url), new PostgresStore(url), new PostgresStore(url)];
    try {
      await Promise.all(stores.map((store) => store.migrate()));

      const rows = await adminQuery<{ version: number }>(
        `SELECT version FROM "${schemaOf(url)}".schema_migrations ORDER BY version`,
      );
      assert.deepEqual(
        rows.map((row) => row.version),
        [1, 2],
      );
      assert.ok(await addAccount(stores[2], "alice"));
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it("writes the row only for a slide of at least the granularity", async () => {
    const url = freshSchemaUrl();
    const store = await openStore(url);
    try {
      const t0 = Date.now();
      const admin = await addAccount(store, "Administrator");
      const session = sessionOf(admin, t0);
      await store.createSession(session);
      const xmin = async () =>
        (
          await adminQuery<{ xmin: string }>(
            `SELECT xmin::text FROM "${schemaOf(url)}".sessions WHERE key_hash = $1`,
            [session.keyHash],
          )
        )[0].xmin;
      const created = await xmin();

      const small = session.expiresAt + SLIDE_GRANULARITY_MS - 1;
      assert.equal(
        (await store.findSession(session.keyHash, t0, small))?.expiresAt,
        session.expiresAt,
      );
      assert.equal(await xmin(), created, "a small slide leaves the row alone");

      const big = session.expiresAt + SLIDE_GRANULARITY_MS;
      assert.equal((await store.findSession(session.keyHash, t0, big))?.expiresAt, big);
      assert.notEqual(await xmin(), created, "a slide of the granularity writes the row");
    } finally {
      await store.close();
    }
  });

  it("keeps its tables in the URL's schema, next to other startup options", async () => {
    const url = withParams(freshSchemaUrl(), { options: "-c lock_timeout=1234" });
    const store = await openStore(url);
    try {
      await addAccount(store, "alice");

      const tables = await adminQuery<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
        [schemaOf(url)],
      );
      assert.deepEqual(
        tables.map((row) => row.table_name),
        [
          "accounts",
          "inventory_records",
          "inventory_state",
          "schema_migrations",
          "sessions",
          "tenants",
        ],
      );
    } finally {
      await store.close();
    }
  });

  it("refuses a schema name that would need quoting", () => {
    for (const schema of ["Upper", "a-b", "x;drop", "1st", ""]) {
      assert.throws(() => new PostgresStore(withParams(POSTGRES_URL, { schema })), ConfigError);
    }
  });
});
