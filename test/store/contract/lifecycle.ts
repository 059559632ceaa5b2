import assert from "node:assert/strict";

import { StoreUnavailable } from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";
import { addAccount, addTenant, byId, keyHash, MINUTE, sessionOf } from "./fixtures.js";

export function lifecycleTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("runs migrate again without harm", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const acme = await addTenant(ctx.store, "Acme");
    const session = sessionOf(admin, t0);
    await ctx.store.createSession(session);

    await ctx.store.migrate();
    await ctx.store.migrate();

    assert.deepEqual(await ctx.store.listAccounts(), [admin]);
    assert.deepEqual(await ctx.store.listTenants(), [acme]);
    assert.deepEqual(await ctx.store.findSession(session.keyHash, t0), session);
  });

  test("keeps accounts, tenants and sessions across close and reopen", async (t) => {
    if (!ctx.reopen) return void t.skip("this store keeps nothing after close");
    const t0 = Date.now();
    const accounts = [await addAccount(ctx.store, "alice"), await addAccount(ctx.store, "bob")];
    const acme = await addTenant(ctx.store, "Acme");
    const sessions = [
      sessionOf(accounts[0], t0),
      sessionOf(acme, t0 + 1, { hardExpiresAt: t0 + 9e6 }),
    ];
    for (const s of sessions) await ctx.store.createSession(s);
    const slid = await ctx.store.findSession(sessions[0].keyHash, t0 + 1, t0 + 30 * MINUTE);

    const reopened = await ctx.reopen();

    assert.deepEqual(byId(await reopened.listAccounts()), byId(accounts));
    assert.deepEqual(await reopened.findTenant("acme"), acme);
    assert.deepEqual(await reopened.listSessions(), [slid, sessions[1]]);
    assert.deepEqual(await reopened.findSession(sessions[1].keyHash, t0), sessions[1]);
  });

  test("raises StoreUnavailable once closed", async () => {
    const admin = await addAccount(ctx.store, "Administrator");
    const store = ctx.store;

    await ctx.close();

    await assert.rejects(store.getAccount(admin.id), StoreUnavailable);
    await assert.rejects(store.findAccount("SRV12", "Administrator"), StoreUnavailable);
    await assert.rejects(store.findSession(keyHash("any"), Date.now()), StoreUnavailable);
    await assert.rejects(store.createSession(sessionOf(admin, Date.now())), StoreUnavailable);
  });
}
