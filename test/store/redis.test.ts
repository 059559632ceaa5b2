import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { ConfigError } from "../../src/config.js";
import { RedisStore } from "../../src/store/redis/redis-store.js";
import { storeContract } from "./contract.js";
import { reopenableStores } from "./reopenable.js";
import { addAccount, addTenant, MINUTE, sessionOf } from "./contract/fixtures.js";
import {
  deleteTestKeys,
  freshPrefixUrl,
  keysUnder,
  prefixOf,
  redisSkipReason,
  withRedis,
} from "./redis-server.js";

const skip = await redisSkipReason();
const { open: openStore, reopen, sibling } = reopenableStores((url) => new RedisStore(url));

after(deleteTestKeys);

storeContract("redis", () => openStore(freshPrefixUrl()), {
  skip,
  reopen,
  sibling,
});

/** The key's own expiry time in Redis, epoch ms; negative when it has none or is gone. */
function expiryOf(prefix: string, keyHash: Buffer): Promise<number> {
  return withRedis((client) => client.pExpireTime(`${prefix}session:${keyHash.toString("hex")}`));
}

describe("redis store", { skip }, () => {
  it("gives a session's key the session's expiresAt, and moves it with a slide", async () => {
    const url = freshPrefixUrl();
    const store = await openStore(url);
    try {
      const t0 = Date.now();
      const session = sessionOf(await addAccount(store, "alice"), t0);
      await store.createSession(session);
      assert.equal(await expiryOf(prefixOf(url), session.keyHash), session.expiresAt);

      const slid = await store.findSession(session.keyHash, t0, t0 + 40 * MINUTE);
      assert.equal(slid?.expiresAt, t0 + 40 * MINUTE);
      assert.equal(await expiryOf(prefixOf(url), session.keyHash), t0 + 40 * MINUTE);
    } finally {
      await store.close();
    }
  });

  it("lets Redis end a session when its time is up, and sweeps what is left", async () => {
    const url = freshPrefixUrl();
    const store = await openStore(url);
    try {
      const t0 = Date.now();
      const alice = await addAccount(store, "alice");
      const session = sessionOf(alice, t0, { expiresAt: t0 + 1500 });
      await store.createSession(session);
      assert.ok(await store.findSession(session.keyHash, t0));

      await sleep(1700);

      assert.equal(await expiryOf(prefixOf(url), session.keyHash), -2, "the key is gone");
      assert.equal(await store.findSession(session.keyHash, t0), undefined);
      assert.deepEqual(await store.listSessions(), []);
      assert.equal(await store.deleteExpiredSessions(Date.now(), 10), 1);
      assert.equal(await store.deleteExpiredSessions(Date.now(), 10), 0);
      assert.deepEqual(await store.listSessions({ kind: "account", principalId: alice.id }), []);
      assert.deepEqual(await keysUnder(prefixOf(url)), [
        "account-names",
        `account:${alice.id}`,
        "accounts",
        "layout",
      ]);
    } finally {
      await store.close();
    }
  });

  it("lets two stores with one prefix see each other's data", async () => {
    const url = freshPrefixUrl();
    const [a, b] = [await openStore(url), await openStore(url)];
    try {
      const t0 = Date.now();
      const acme = await addTenant(a, "Acme");
      const session = sessionOf(acme, t0);
      await a.createSession(session);

      assert.deepEqual(await b.findTenant("ACME"), acme);
      const slid = await b.findSession(session.keyHash, t0, t0 + 30 * MINUTE);
      assert.deepEqual(await a.findSession(session.keyHash, t0), slid);
      assert.equal(await b.removeTenant(acme.id), true);
      assert.equal(await a.findSession(session.keyHash, t0), undefined);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("keeps stores with different prefixes apart", async () => {
    const [a, b] = [await openStore(freshPrefixUrl()), await openStore(freshPrefixUrl())];
    try {
      await addAccount(a, "alice");

      assert.equal(await b.findAccount("SRV12", "alice"), undefined);
      assert.ok(await addAccount(b, "alice"));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("leaves no key of a removed account's sessions behind", async () => {
    const url = freshPrefixUrl();
    const store = await openStore(url);
    try {
      const t0 = Date.now();
      const alice = await addAccount(store, "alice");
      for (let i = 0; i < 3; i++) await store.createSession(sessionOf(alice, t0 + i));

      await store.removeAccount(alice.id);

      assert.deepEqual(await keysUnder(prefixOf(url)), ["layout"]);
    } finally {
      await store.close();
    }
  });

  it("refuses a session for an account that does not exist", async () => {
    const store = await openStore(freshPrefixUrl());
    try {
      const alice = await addAccount(store, "alice");
      await store.removeAccount(alice.id);

      await assert.rejects(store.createSession(sessionOf(alice, Date.now())), /no account/);
      assert.deepEqual(await store.listSessions(), []);
    } finally {
      await store.close();
    }
  });

  it("refuses a URL that is not redis:// or rediss://", () => {
    for (const url of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis//x"]) {
      assert.throws(() => new RedisStore(url), ConfigError);
    }
  });
});
