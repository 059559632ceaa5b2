import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { StoreUnavailable } from "../../src/store/store.js";
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

/** How long a call may take to fail when the server is gone; the pool gives up at 2 s. */
const FAIL_FAST_MS = 3000;

/** Awaits `call`, asserting it rejects with StoreUnavailable within `limit` ms. */
async function rejectsQuickly(call: () => Promise<unknown>, limit = FAIL_FAST_MS) {
  const start = Date.now();
  await assert.rejects(call(), StoreUnavailable);
  const took = Date.now() - start;
  assert.ok(took < limit, `took ${took} ms, more than ${limit}`);
}

/** Calls `call` until it succeeds, for at most `limit` ms. */
async function eventually<T>(call: () => Promise<T>, limit = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() - start > limit) throw error;
      await sleep(100);
    }
  }
}

/** The test server's URL with its host and port replaced. */
function viaPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(port);
  return parsed.toString();
}

describe("postgres store when the server is down", { skip }, () => {
  after(dropTestSchemas);

  it("rejects with StoreUnavailable at once when nothing listens", async () => {
    const store = new PostgresStore(viaPort(POSTGRES_URL, 1));
    try {
      await rejectsQuickly(() => store.migrate());
      await rejectsQuickly(() => store.findSession(Buffer.alloc(32), Date.now()));
    } finally {
      await store.close();
    }
  });

  it("rejects with StoreUnavailable within 3 s when the server never answers", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const store = new PostgresStore(viaPort(POSTGRES_URL, port));
    try {
      await rejectsQuickly(() => store.listAccounts());
    } finally {
      await store.close();
      silent.close();
    }
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
      await rejectsQuickly(() => store.getAccount(alice.id));
      await rejectsQuickly(() => store.findSession(Buffer.alloc(32), Date.now()));

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
