import assert from "node:assert/strict";

import { SLIDE_GRANULARITY_MS } from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";
import { addAccount, HOUR, keyHash, MINUTE, sessionOf } from "./fixtures.js";

/** A slide may leave `expiresAt` up to `SLIDE_GRANULARITY_MS` behind `target`, not past it. */
function assertSlidTo(actual: number | undefined, target: number): void {
  assert.ok(actual !== undefined, "the session is live");
  assert.ok(
    actual <= target && actual >= target - SLIDE_GRANULARITY_MS,
    `expiresAt ${actual} is within ${SLIDE_GRANULARITY_MS} ms before ${target}`,
  );
}

export function slidingTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("slides expiresAt forward and returns the new value", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0, { expiresAt: t0 + 10 * MINUTE });
    await ctx.store.createSession(session);

    const slid = await ctx.store.findSession(session.keyHash, t0 + 5 * MINUTE, t0 + 20 * MINUTE);

    assertSlidTo(slid?.expiresAt, t0 + 20 * MINUTE);
    assert.deepEqual(slid, { ...session, expiresAt: slid?.expiresAt });
    const later = await ctx.store.findSession(session.keyHash, t0 + 10 * MINUTE);
    assert.equal(later?.expiresAt, slid?.expiresAt, "the slide was stored");
    assert.equal(await ctx.store.findSession(session.keyHash, t0 + 20 * MINUTE), undefined);
  });

  test("caps a slide at hardExpiresAt", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const hard = t0 + 20 * MINUTE;
    const session = sessionOf(admin, t0, { expiresAt: t0 + 10 * MINUTE, hardExpiresAt: hard });
    await ctx.store.createSession(session);

    const slid = await ctx.store.findSession(session.keyHash, t0 + 9 * MINUTE, t0 + 40 * MINUTE);

    assertSlidTo(slid?.expiresAt, hard);
    assert.equal(slid?.hardExpiresAt, hard);
    assert.equal(
      (await ctx.store.findSession(session.keyHash, hard - 1))?.expiresAt,
      slid?.expiresAt,
    );
    assert.equal(await ctx.store.findSession(session.keyHash, hard, hard + 40 * MINUTE), undefined);
    assert.equal(await ctx.store.findSession(session.keyHash, hard + HOUR), undefined);
  });

  test("slides without a cap when hardExpiresAt is 0", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0, { hardExpiresAt: 0 });
    await ctx.store.createSession(session);
    const week = 7 * 24 * HOUR;

    const slid = await ctx.store.findSession(session.keyHash, t0 + MINUTE, t0 + week);

    assertSlidTo(slid?.expiresAt, t0 + week);
    assert.equal(slid?.hardExpiresAt, 0);
    assert.ok(await ctx.store.findSession(session.keyHash, t0 + week - SLIDE_GRANULARITY_MS - 1));
  });

  test("returns the stored expiresAt whether or not it skips a small slide", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0);
    await ctx.store.createSession(session);
    const target = session.expiresAt + SLIDE_GRANULARITY_MS / 2;

    const slid = await ctx.store.findSession(session.keyHash, t0 + 1, target);

    assertSlidTo(slid?.expiresAt, target);
    const stored = await ctx.store.findSession(session.keyHash, t0 + 2);
    assert.equal(stored?.expiresAt, slid?.expiresAt, "the returned record shows what is stored");
  });

  test("does not revive an expired session asked to slide", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0);
    await ctx.store.createSession(session);

    const late = session.expiresAt;
    assert.equal(await ctx.store.findSession(session.keyHash, late, late + 15 * MINUTE), undefined);

    assert.equal(await ctx.store.findSession(session.keyHash, late), undefined);
    assert.equal(await ctx.store.findSession(session.keyHash, late + MINUTE), undefined);
  });

  test("does not slide when no slideTo is given", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0);
    await ctx.store.createSession(session);

    assert.deepEqual(await ctx.store.findSession(session.keyHash, session.expiresAt - 1), session);
    assert.equal(await ctx.store.findSession(session.keyHash, session.expiresAt), undefined);
  });

  test("slides only the session it finds", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const slid = sessionOf(admin, t0, { keyHash: keyHash("slid") });
    const still = sessionOf(admin, t0 + 1, { keyHash: keyHash("still") });
    await ctx.store.createSession(slid);
    await ctx.store.createSession(still);

    await ctx.store.findSession(slid.keyHash, t0 + 5 * MINUTE, t0 + 60 * MINUTE);

    assert.deepEqual(await ctx.store.findSession(still.keyHash, t0 + 5 * MINUTE), still);
    assert.equal(await ctx.store.findSession(still.keyHash, still.expiresAt), undefined);
    assert.equal(await ctx.store.findSession(keyHash("none"), t0, t0 + 60 * MINUTE), undefined);
  });

  test("answers lookups made at the same moment each with its own session", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const live = Array.from({ length: 12 }, (_, i) =>
      sessionOf(admin, t0 + i, { expiresAt: t0 + 10 * MINUTE }),
    );
    const expired = sessionOf(admin, t0, { expiresAt: t0 + MINUTE });
    for (const session of [...live, expired]) await ctx.store.createSession(session);

    // Half slide, half only read, one asked for twice, beside an expired and an unknown key.
    const now = t0 + 5 * MINUTE;
    const slideTo = t0 + 20 * MINUTE;
    const [twice, expiredFound, unknown, ...found] = await Promise.all([
      ctx.store.findSession(live[0]!.keyHash, now),
      ctx.store.findSession(expired.keyHash, now, slideTo),
      ctx.store.findSession(keyHash("nobody"), now, slideTo),
      ...live.map((session, i) =>
        ctx.store.findSession(session.keyHash, now, i % 2 === 0 ? slideTo : undefined),
      ),
    ]);

    assert.equal(expiredFound, undefined);
    assert.equal(unknown, undefined);
    assert.deepEqual(twice && { ...twice, expiresAt: 0 }, { ...live[0]!, expiresAt: 0 });
    for (const [i, session] of live.entries()) {
      const record = found[i];
      assert.deepEqual(record && { ...record, expiresAt: 0 }, { ...session, expiresAt: 0 });
      if (i % 2 === 0) assertSlidTo(record?.expiresAt, slideTo);
      else assert.equal(record?.expiresAt, session.expiresAt, `session ${i} was only read`);
      const stored = await ctx.store.findSession(session.keyHash, now);
      assert.equal(stored?.expiresAt, record?.expiresAt, `session ${i} is stored as returned`);
    }
  });
}
