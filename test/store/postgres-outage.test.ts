import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { StoreUnavailable, type SessionRecord } from "../../src/store/store.js";
import {
  eventually,
  rejectsQuickly,
  viaPort,
  withSilentServer,
  withStoreAt,
} from "../helpers/outage.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { addAccount, hex, MINUTE, sessionOf } from "./contract/fixtures.js";
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

/**
 * Looks up (and slides) `sessions` from many callers, 40 every few milliseconds for `forMs`,
 * as a busy node does, so several batches are always on their way. Each result says whether
 * the caller got its own session, or names the error, and when it settled.
 */
async function busyLookups(
  store: PostgresStore,
  sessions: SessionRecord[],
  forMs: number,
): Promise<Promise<{ answer: string; at: number }>[]> {
  const calls: Promise<{ answer: string; at: number }>[] = [];
  const start = Date.now();
  for (let turn = 0; Date.now() - start < forMs; turn++) {
    for (let i = 0; i < 40; i++) {
      const session = sessions[(turn * 7 + i) % sessions.length]!;
      const now = Date.now();
      const answer = store.findSession(session.keyHash, now, now + 15 * MINUTE).then(
        (found) =>
          found === undefined ? "none" : hex(found) === hex(session) ? "found" : hex(found),
        (error: unknown) => (error instanceof StoreUnavailable ? error.name : String(error)),
      );
      calls.push(answer.then((text) => ({ answer: text, at: Date.now() })));
    }
    await sleep(5);
  }
  return calls;
}

/** Asserts each caller got its session or StoreUnavailable, all settled by `deadline`. */
async function assertAnsweredOrUnavailable(
  calls: Promise<{ answer: string; at: number }>[],
  deadline: number,
): Promise<void> {
  const timer = new AbortController();
  const late = sleep(deadline + 1000 - Date.now(), undefined, { signal: timer.signal });
  const results = await Promise.race([Promise.all(calls), late.then(() => undefined)]);
  timer.abort();
  late.catch(() => {});
  assert.ok(results, "some lookups had not settled a second after the deadline");
  const odd = results.filter((r) => r.answer !== "StoreUnavailable" && r.answer !== "found");
  assert.deepEqual(odd, [], "every lookup finds its session or fails with StoreUnavailable");
  assert.ok(
    results.some((r) => r.answer === "found"),
    "some lookups were answered first",
  );
  assert.ok(
    results.some((r) => r.answer === "StoreUnavailable"),
    "some met the outage",
  );
  const last = Math.max(...results.map((r) => r.at));
  assert.ok(last <= deadline, `the last lookup settled ${last - deadline} ms too late`);
}

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
  /**
   * Fifty sessions are looked up in batches for 600 ms, and a quarter of a second in, `fault`
   * strikes the proxy between the store and the server. Every lookup gets its session or
   * StoreUnavailable within `limitMs` of the fault, and once the proxy is back the store reads
   * again.
   */
  async function batchesThrough(fault: (proxy: TcpProxy) => Promise<void>, limitMs: number) {
    const { hostname, port } = new URL(POSTGRES_URL);
    const proxy = new TcpProxy({ host: hostname, port: Number(port || 5432) });
    await proxy.start();
    const store = new PostgresStore(viaPort(freshSchemaUrl(), proxy.port));
    try {
      await store.migrate();
      const t0 = Date.now();
      const alice = await addAccount(store, "alice");
      const sessions = Array.from({ length: 50 }, (_, i) => sessionOf(alice, t0 + i));
      for (const session of sessions) await store.createSession(session);

      const lookups = busyLookups(store, sessions, 600);
      await sleep(250);
      await fault(proxy);
      const struck = Date.now();
      await assertAnsweredOrUnavailable(await lookups, struck + limitMs);

      await proxy.stop();
      await proxy.start();
      const back = await eventually(() => store.findSession(sessions[0]!.keyHash, Date.now()));
      assert.equal(back && hex(back), hex(sessions[0]!));
    } finally {
      await proxy.stop();
      await store.close();
    }
  }

  it("settles every batched lookup at once when the server goes away, then reads again", () =>
    batchesThrough((proxy) => proxy.stop(), FAIL_FAST_MS));

  it("settles every batched lookup within the query time-out when the server hangs", () =>
    // The client gives up on a query after 5 s, and on a wait for a connection after 2 s.
    batchesThrough(async (proxy) => proxy.freeze(), 6500));
});
