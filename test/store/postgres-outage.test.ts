import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import {
  eventually,
  rejectsQuickly,
  viaPort,
  withSilentServer,
  withStoreAt,
} from "../helpers/outage.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { addAccount } from "./contract/fixtures.js";
import {
  adminQuery,
  dropTestSchemas,
  freshSchemaUrl,
  POSTGRES_URL,
  postgresSkipReason,
  withParams,
} from "./postgres-server.js";

const skip = await postgresSkipReason();
const open = (url: string) => new PostgresStore(url);

/** How long a call may take to fail when the server is gone; the pool gives up at 2 s. */
const FAIL_FAST_MS = 3000;

describe("postgres store when the server is down", { skip }, () => {
  after(dropTestSchemas);

  it("rejects with StoreUnavailable at once when nothing listens", async () => {
    await withStoreAt(open, POSTGRES_URL, 1, async (store) => {
      await rejectsQuickly(() => store.migrate(), FAIL_FAST_MS);
      await rejectsQuickly(() => store.findSession(Buffer.alloc(32), Date.now()), FAIL_FAST_MS);
    });
  });

  it("rejects with StoreUnavailable within 3 s when the server never answers", async () => {
    await withSilentServer((port) =>
      withStoreAt(open, POSTGRES_URL, port, (store) =>
        rejectsQuickly(() => store.listAccounts(), FAIL_FAST_MS),
      ),
    );
  });

  it("fails fast while the server is gone and recovers when it returns", async () => {
    const { hostname, port } = new URL(POSTGRES_URL);
    const proxy = new TcpProxy({ host: hostname, port: Number(port || 5432) });
    await proxy.start();
    const url = freshSchemaUrl();
    const store = new PostgresStore(viaPort(url, proxy.port));
    try {
      await store.migrate();
      const alice = await addAccount(store, "alice");

      await proxy.stop();
      await rejectsQuickly(() => store.getAccount(alice.id), FAIL_FAST_MS);
      await rejectsQuickly(() => store.findSession(Buffer.alloc(32), Date.now()), FAIL_FAST_MS);

      await proxy.start();
      assert.deepEqual(await eventually(() => store.getAccount(alice.id)), alice);
    } finally {
      await proxy.stop();
      await store.close();
    }
  });

  it("gives up on a query to a server that stops answering, then recovers", async () => {
    const { hostname, port } = new URL(POSTGRES_URL);
    const proxy = new TcpProxy({ host: hostname, port: Number(port || 5432) });
    await proxy.start();
    const store = new PostgresStore(viaPort(freshSchemaUrl(), proxy.port));
    try {
      await store.migrate();
      const alice = await addAccount(store, "alice");

      proxy.freeze();
      // The client gives up on a query after 5 s.
      await rejectsQuickly(() => store.getAccount(alice.id), 6500);

      await proxy.stop();
      await proxy.start();
      assert.deepEqual(await eventually(() => store.getAccount(alice.id)), alice);
    } finally {
      await proxy.stop();
      await store.close();
    }
  });

  it("survives the server ending its idle connections", async () => {
    const application = `emrest-test-${randomBytes(4).toString("hex")}`;
    const store = new PostgresStore(
      withParams(freshSchemaUrl(), { application_name: application }),
    );
    try {
      await store.migrate();
      const alice = await addAccount(store, "alice");
      await Promise.all([store.listAccounts(), store.listTenants(), store.listSessions()]);

      const ended = await adminQuery<{ ok: boolean }>(
        "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1",
        [application],
      );
      assert.ok(ended.length > 0, "the store had connections to end");
      await sleep(200);

      assert.deepEqual(await eventually(() => store.getAccount(alice.id)), alice);
    } finally {
      await store.close();
    }
  });
});
