import assert from "node:assert/strict";

import type { SessionRecord } from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";
import { addAccount, addTenant, hex, HOUR, keyHash, MINUTE, sessionOf } from "./fixtures.js";

export function expiryTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("deletes only sessions expired at now", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const now = t0 + 30 * MINUTE;
    const atNow = sessionOf(admin, t0, { expiresAt: now });
    const before = sessionOf(admin, t0 + 1, { expiresAt: now - 1 });
    const after = sessionOf(admin, t0 + 2, { expiresAt: now + 1 });
    for (const s of [atNow, before, after]) await ctx.store.createSession(s);

    assert.equal(await ctx.store.deleteExpiredSessions(now, 100), 2);

    assert.deepEqual(await ctx.store.listSessions(), [after]);
    assert.equal(await ctx.store.deleteExpiredSessions(now, 100), 0);
  });

  test("deletes at most limit sessions a call", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const now = t0 + HOUR;
    const live = sessionOf(admin, t0, { expiresAt: now + MINUTE });
    await ctx.store.createSession(live);
    for (let i = 1; i <= 5; i++) {
      await ctx.store.createSession(sessionOf(admin, t0 + i, { expiresAt: t0 + i * MINUTE }));
    }

    const counts = [];
    for (let call = 0; call < 4; call++) counts.push(await ctx.store.deleteExpiredSessions(now, 2));

    assert.deepEqual(counts, [2, 2, 1, 0]);
    assert.deepEqual(await ctx.store.listSessions(), [live]);
  });

  test("deletes nothing when no session has expired", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0);
    await ctx.store.createSession(session);

    assert.equal(await ctx.store.deleteExpiredSessions(t0 + MINUTE, 10), 0);
    assert.deepEqual(await ctx.store.findSession(session.keyHash, t0 + MINUTE), session);
  });

  test("deletes expired sessions that were slid before, by their new expiry", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0, { expiresAt: t0 + 10 * MINUTE });
    await ctx.store.createSession(session);

    const slid = await ctx.store.findSession(session.keyHash, t0 + MINUTE, t0 + 30 * MINUTE);

    assert.equal(await ctx.store.deleteExpiredSessions(t0 + 20 * MINUTE, 10), 0);
    assert.equal(await ctx.store.deleteExpiredSessions(slid!.expiresAt, 10), 1);
    assert.deepEqual(await ctx.store.listSessions(), []);
  });

  test("lists and expires 2,000 sessions", async () => {
    const t0 = Date.now();
    const alice = await addAccount(ctx.store, "alice");
    const acme = await addTenant(ctx.store, "Acme");
    const sessions: SessionRecord[] = [];
    for (let i = 0; i < 2000; i++) {
      const expiresAt = i % 2 ? t0 + HOUR + i : t0 + MINUTE + i;
      const owner = i % 4 < 2 ? alice : acme;
      sessions.push(sessionOf(owner, t0 + i, { keyHash: keyHash(`many:${i}`), expiresAt }));
    }
    await createInBatches(ctx, sessions);

    assert.deepEqual((await ctx.store.listSessions()).map(hex), sessions.map(hex));
    const ofAlice = await ctx.store.listSessions({ kind: "account", principalId: alice.id });
    assert.deepEqual(ofAlice.map(hex), sessions.filter((s) => s.principalId === alice.id).map(hex));

    const now = t0 + 30 * MINUTE;
    let deleted = 0;
    let n: number;
    do {
      n = await ctx.store.deleteExpiredSessions(now, 300);
      assert.ok(n <= 300, `deleted ${n}, more than the limit`);
      deleted += n;
    } while (n > 0);

    const odd = sessions.filter((_, i) => i % 2 === 1);
    assert.equal(deleted, 1000);
    assert.deepEqual((await ctx.store.listSessions()).map(hex), odd.map(hex));
    assert.equal(await ctx.store.findSession(sessions[998].keyHash, now), undefined);
    assert.deepEqual(await ctx.store.findSession(sessions[999].keyHash, now), sessions[999]);
  });
}

/** Creates the sessions 50 at a time, as concurrent logons would. */
async function createInBatches(ctx: ContractContext, sessions: SessionRecord[]): Promise<void> {
  for (let i = 0; i < sessions.length; i += 50) {
    await Promise.all(sessions.slice(i, i + 50).map((s) => ctx.store.createSession(s)));
  }
}
