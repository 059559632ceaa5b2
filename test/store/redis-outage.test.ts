import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

import { RedisStore } from "../../src/store/redis/redis-store.js";
import {
  eventually,
  rejectsQuickly,
  viaPort,
  withSilentServer,
  withStoreAt,
} from "../helpers/outage.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { addAccount, sessionOf } from "./contract/fixtures.js";
import { deleteTestKeys, freshPrefixUrl, REDIS_URL, redisSkipReason } from "./redis-server.js";

const skip = await redisSkipReason();
const open = (url: string) => new RedisStore(url);

/** A first call waits up to 2.5 s for the first connection; later ones fail at once. */
const FIRST_CALL_MS = 3000;
const LATER_CALL_MS = 200;

function proxyToRedis(): TcpProxy {
  const { hostname, port } = new URL(REDIS_URL);
  return new TcpProxy({ host: hostname, port: Number(port || 6379) });
}

describe("redis store when the server is down", { skip }, () => {
  after(deleteTestKeys);

  it("rejects with StoreUnavailable quickly when nothing listens", async () => {
    await withStoreAt(open, REDIS_URL, 1, async (store) => {
      await rejectsQuickly(() => store.migrate(), FIRST_CALL_MS);
      await rejectsQuickly(() => store.findSession(Buffer.alloc(32), Date.now()), FIRST_CALL_MS);
    });
  });

  it("rejects with StoreUnavailable within 3 s when the server never answers", async () => {
    await withSilentServer((port) =>
      withStoreAt(open, REDIS_URL, port, (store) =>
        rejectsQuickly(() => store.listAccounts(), FIRST_CALL_MS),
      ),
    );
  });

  it("starts working once a server that was down at start comes up", async () => {
    const proxy = proxyToRedis();
    await proxy.start();
    const port = proxy.port;
    await proxy.stop();
    const store = new RedisStore(viaPort(freshPrefixUrl(), port));
    try {
      await rejectsQuickly(() => store.migrate(), FIRST_CALL_MS);

      await proxy.start();
      await eventually(() => store.migrate());
      assert.ok(await addAccount(store, "alice"));
    } finally {
      await proxy.stop();
      await store.close();
    }
  });

  it("fails at once while the server is gone and recovers when it returns", async () => {
    const proxy = proxyToRedis();
    await proxy.start();
    const store = new RedisStore(viaPort(freshPrefixUrl(), proxy.port));
    try {
      await store.migrate();
      const alice = await addAccount(store, "alice");
      const session = sessionOf(alice, Date.now());
      await store.createSession(session);

      await proxy.stop();
      await rejectsQuickly(() => store.getAccount(alice.id), LATER_CALL_MS);
      await rejectsQuickly(() => store.findSession(session.keyHash, Date.now()), LATER_CALL_MS);

      await proxy.start();
      const found = await eventually(() => store.findSession(session.keyHash, Date.now()));
      assert.deepEqual(found, session);
    } finally {
      await proxy.stop();
      await store.close();
    }
  });

  it("gives up on a command to a server that stops answering, then recovers", async () => {
    const proxy = proxyToRedis();
    await proxy.start();
    const store = new RedisStore(viaPort(freshPrefixUrl(), proxy.port));
    try {
      await store.migrate();
      const alice = await addAccount(store, "alice");

      proxy.freeze();
      // A command fails when it has had no reply for 3 s.
      await rejectsQuickly(() => store.getAccount(alice.id), 4000);

      await proxy.stop();
      await proxy.start();
      assert.deepEqual(await eventually(() => store.getAccount(alice.id)), alice);
    } finally {
      await proxy.stop();
      await store.close();
    }
  });
});
