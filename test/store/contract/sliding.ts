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
}
