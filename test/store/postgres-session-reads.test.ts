import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { StoreUnavailable, type Account, type SessionRecord } from "../../src/store/store.js";
import { addAccount, hex, keyHash, MINUTE, sessionOf } from "./contract/fixtures.js";
import { holdSessionRow, namedUrl, settledOrWaiting } from "./postgres-row-locks.js";
import {
  adminQuery,
  dropTestSchemas,
  freshSchemaUrl,
  postgresSkipReason,
  schemaOf,
} from "./postgres-server.js";
import { reopenableStores } from "./reopenable.js";

// The lookups of one event-loop turn go as one SELECT and one UPDATE (session-reads.ts), so
// one statement reads and slides many rows. These tests hold rows the way other statements
// do and check that no caller pays for a row it did not ask about, and try batches that are
// large or cut short.

const skip = await postgresSkipReason();
const { open } = reopenableStores((url) => new PostgresStore(url));

after(dropTestSchemas);

/**
 * Gives the planner the table's statistics, as autovacuum does on a live table: it then takes a
 * batch's rows in the batch's order, as on a table of many sessions, not in the table's.
 */
async function analyzeSessions(url: string): Promise<void> {
  await adminQuery(`ANALYZE "${schemaOf(url)}".sessions`);
}

/** Three sessions of `principal`, opened in this order, with the table analysed. */
async function threeSessions(
  store: PostgresStore,
  url: string,
  principal: Account,
  t0: number,
): Promise<[SessionRecord, SessionRecord, SessionRecord]> {
  const sessions = [0, 1, 2].map((i) => sessionOf(principal, t0 + i));
  for (const session of sessions) await store.createSession(session);
  await analyzeSessions(url);
  return sessions as [SessionRecord, SessionRecord, SessionRecord];
}

/** Each call's session, or what it failed with, for messages that say which went wrong. */
async function answers(calls: Promise<SessionRecord | undefined>[]): Promise<string[]> {
  const settled = await Promise.allSettled(calls);
  return settled.map((result) =>
    result.status === "fulfilled"
      ? ((result.value && hex(result.value)) ?? "none")
      : `${(result.reason as Error).name}: ${(result.reason as Error).message}`,
  );
}

describe("postgres session reads in batches", { skip }, () => {
  it("slides the same sessions from two nodes in opposite orders without a deadlock", async () => {
    const url = freshSchemaUrl();
    const [nodeA, nodeB] = [namedUrl(url), namedUrl(url)];
    const [a, b] = [await open(nodeA.url), await open(nodeB.url)];
    try {
      const t0 = Date.now();
      const admin = await addAccount(a, "Administrator");
      const [first, middle, last] = await threeSessions(a, url, admin, t0);
      const now = t0 + MINUTE;
      const slideTo = now + 15 * MINUTE;

      // A third statement holds the middle row for a moment, so the two batches meet.
      const held = await holdSessionRow(url, middle.keyHash);
      const onA = [first, middle, last].map((s) => a.findSession(s.keyHash, now, slideTo));
      await settledOrWaiting(onA, nodeA.application);
      const onB = [last, first].map((s) => b.findSession(s.keyHash, now, slideTo));
      await settledOrWaiting(onB, nodeB.application);
      await held.release();

      const expected = [first, middle, last, last, first].map(hex);
      assert.deepEqual(await answers([...onA, ...onB]), expected);
      // The held row's slide waits for the session's next request.
      const next = await b.findSession(middle.keyHash, now, slideTo);
      assert.equal(next?.expiresAt, slideTo);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("removes an account on one node while another slides its sessions", async () => {
    const url = freshSchemaUrl();
    const [nodeA, nodeB] = [namedUrl(url), namedUrl(url)];
    const [a, b] = [await open(nodeA.url), await open(nodeB.url)];
    try {
      const t0 = Date.now();
      const alice = await addAccount(a, "alice");
      const [first, middle, last] = await threeSessions(a, url, alice, t0);
      const now = t0 + MINUTE;
      const slideTo = now + 15 * MINUTE;

      // The removal deletes the sessions in the order they were opened; a logout holds the
      // middle one for a moment, so the removal and the batch meet.
      const held = await holdSessionRow(url, middle.keyHash);
      const removal = a.removeAccount(alice.id);
      await settledOrWaiting([removal], nodeA.application);
      const onB = [last, first].map((s) => b.findSession(s.keyHash, now, slideTo));
      await settledOrWaiting(onB, nodeB.application);
      await held.release();

      const [removed, found] = await Promise.all([removal.catch(String), answers(onB)]);
      assert.equal(removed, true);
      // A lookup that raced the removal may or may not see its session; it must not fail.
      for (const [i, session] of [last, first].entries()) {
        assert.ok([hex(session), "none"].includes(found[i]!), found[i]);
      }
      for (const session of [first, middle, last]) {
        assert.equal(await b.findSession(session.keyHash, now), undefined);
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("answers every lookup of a batch while another statement holds one of its rows", async () => {
    const url = freshSchemaUrl();
    const store = await open(url);
    try {
      const t0 = Date.now();
      const admin = await addAccount(store, "Administrator");
      const sessions = Array.from({ length: 20 }, (_, i) => sessionOf(admin, t0 + i));
      for (const session of sessions) await store.createSession(session);
      const now = t0 + MINUTE;
      const slideTo = now + 15 * MINUTE;

      const held = await holdSessionRow(url, sessions[7]!.keyHash);
      try {
        const lookups = sessions.map((s) => store.findSession(s.keyHash, now, slideTo));
        const inTime = await Promise.race([
          answers(lookups),
          sleep(2000).then(() => "still waiting after 2 s"),
        ]);
        assert.deepEqual(inTime, sessions.map(hex));
      } finally {
        await held.release();
      }
    } finally {
      await store.close();
    }
  });

  it("answers 5,000 lookups of one turn, each with its own session and slide", async () => {
    const store = await open(freshSchemaUrl());
    try {
      const t0 = Date.now();
      const admin = await addAccount(store, "Administrator");
      const sessions = Array.from({ length: 5000 }, (_, i) =>
        sessionOf(admin, t0 + i, { expiresAt: i % 10 === 9 ? t0 + MINUTE : t0 + 15 * MINUTE }),
      );
      for (let i = 0; i < sessions.length; i += 500) {
        await Promise.all(sessions.slice(i, i + 500).map((s) => store.createSession(s)));
      }

      // Every tenth has expired; even ones slide, odd ones are only read; each is asked for
      // twice, beside as many keys that were never issued.
      const now = t0 + 5 * MINUTE;
      const slideTo = now + 15 * MINUTE;
      const ask = (s: SessionRecord, i: number) =>
        store.findSession(s.keyHash, now, i % 2 === 0 ? slideTo : undefined);
      const [first, second, unknown] = await Promise.all([
        Promise.all(sessions.map(ask)),
        Promise.all(sessions.map(ask)),
        Promise.all(sessions.map((_, i) => store.findSession(keyHash(`never ${i}`), now))),
      ]);

      for (const [i, session] of sessions.entries()) {
        const wanted = i % 10 === 9 ? "none" : hex(session);
        assert.equal(first[i] ? hex(first[i]!) : "none", wanted, `session ${i}`);
        assert.deepEqual(second[i], first[i], `session ${i} asked twice`);
        const expiresAt = i % 10 === 9 ? undefined : i % 2 === 0 ? slideTo : session.expiresAt;
        assert.equal(first[i]?.expiresAt, expiresAt, `session ${i} slid as asked`);
      }
      assert.ok(unknown.every((found) => found === undefined));
    } finally {
      await store.close();
    }
  });

  // A lookup that never settled would hang its request; the time-out turns that into a failure.
  const settles = { timeout: 10_000 };

  it("fails lookups waiting for their batch with StoreUnavailable on close", settles, async () => {
    const store = await open(freshSchemaUrl());
    const t0 = Date.now();
    const admin = await addAccount(store, "Administrator");
    const session = sessionOf(admin, t0);
    await store.createSession(session);

    const waiting = [
      store.findSession(session.keyHash, t0, t0 + 20 * MINUTE),
      store.findSession(session.keyHash, t0),
      store.findSession(keyHash("never"), t0),
    ];
    await store.close();

    for (const lookup of waiting) await assert.rejects(lookup, StoreUnavailable);
  });
});
