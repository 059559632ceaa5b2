import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import pg from "pg";
import { createClient } from "redis";

import { ConfigError } from "../../src/config.js";
import { openStore } from "../../src/store/open-store.js";
import { StoreUnavailable } from "../../src/store/store.js";

const dir = mkdtempSync(join(tmpdir(), "emrest-open-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Whether something listens on the port, so a missing server skips rather than fails. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => done(!!socket.end()));
    socket.once("error", () => done(false));
  });
}

const noPostgres = (await listening(5432)) ? undefined : "no PostgreSQL on 127.0.0.1:5432";
const noRedis = (await listening(6379)) ? undefined : "no Redis on 127.0.0.1:6379";

describe("openStore", () => {
  it("opens an empty, usable memory store", async () => {
    const store = await openStore("memory:");

    assert.equal(store.kind, "memory");
    assert.deepEqual(await store.listAccounts(), []);
    await store.close();
  });

  it("opens a SQLite file relative to the data directory, creating its folders", async () => {
    const dataDir = join(dir, "data");
    const store = await openStore("sqlite:nested/deeper/emrest.db", { dataDir });

    assert.equal(store.kind, "sqlite");
    assert.ok(existsSync(join(dataDir, "nested", "deeper", "emrest.db")));
    await store.addTenant({ name: "Acme", passwordHash: "$argon2id$x" });
    await store.close();

    const again = await openStore("SQLITE:nested/deeper/emrest.db", { dataDir });
    assert.equal((await again.findTenant("acme"))?.name, "Acme");
    await again.close();
  });

  it("opens an absolute SQLite path as it is, whatever the data directory", async () => {
    const file = join(dir, "absolute", "emrest.db");
    const store = await openStore(`sqlite:${file}`, { dataDir: join(dir, "elsewhere") });

    assert.ok(existsSync(file));
    assert.ok(!existsSync(join(dir, "elsewhere")));
    await store.close();
  });

  it("raises StoreUnavailable when the SQLite folder cannot be created", async () => {
    const file = join(dir, "taken");
    await (await openStore(`sqlite:${file}`)).close();

    await assert.rejects(openStore(`sqlite:${join(file, "below", "x.db")}`), StoreUnavailable);
  });

  it("refuses an unknown scheme in one line, without echoing the rest of the URL", async () => {
    await assert.rejects(openStore("mysql://root:hunter2@db/emrest"), (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /unknown store scheme "mysql:"/);
      assert.doesNotMatch(error.message, /hunter2|\n/);
      return true;
    });
    await assert.rejects(openStore("emrest.db"), /has no scheme; use sqlite:PATH/);
    await assert.rejects(openStore("sqlite:"), /needs a file path/);
  });

  it(
    "opens a PostgreSQL store for postgres:// and postgresql://",
    { skip: noPostgres },
    async () => {
      const schema = `emrest_open_${randomUUID().slice(0, 8)}`;
      try {
        for (const scheme of ["postgres", "postgresql"]) {
          const store = await openStore(
            `${scheme}://postgres@127.0.0.1:5432/test?schema=${schema}`,
          );
          assert.equal(store.kind, "postgres");
          assert.deepEqual(await store.listTenants(), []);
          await store.close();
        }
      } finally {
        const client = new pg.Client("postgres://postgres@127.0.0.1:5432/test");
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  );

  it("opens a Redis store for redis://", { skip: noRedis }, async () => {
    const prefix = `emrest-open-${randomUUID()}:`;
    try {
      const store = await openStore(`redis://127.0.0.1:6379?prefix=${prefix}`);
      assert.equal(store.kind, "redis");
      assert.deepEqual(await store.listTenants(), []);
      await store.close();
    } finally {
      const client = await createClient({ url: "redis://127.0.0.1:6379" }).connect();
      const keys = await client.keys(`${prefix}*`);
      if (keys.length > 0) await client.del(keys);
      await client.close();
    }
  });
});
