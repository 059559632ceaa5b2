import assert from "node:assert/strict";

import { PrincipalGone } from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";
import { addAccount, addTenant, hex, keyHash, MINUTE, sessionOf } from "./fixtures.js";

export function sessionTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("creates a session and finds it by keyHash while it is live", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0, { hardExpiresAt: t0 + 60 * MINUTE });

    await ctx.store.createSession(session);

    assert.deepEqual(await ctx.store.findSession(session.keyHash, t0), session);
    assert.deepEqual(await ctx.store.findSession(keyHash("other"), t0), undefined);
  });

  test("round-trips every field of a tenant session with no hard expiry", async () => {
    const t0 = Date.now();
    const acme = await addTenant(ctx.store, "Acme");
    const session = sessionOf(acme, t0, { role: "RestoreOperator", version: "v1_5" });

    await ctx.store.createSession(session);

    const found = await ctx.store.findSession(session.keyHash, t0 + MINUTE);
    assert.deepEqual(found, session);
    assert.equal(found?.hardExpiresAt, 0);
  });

  test("round-trips a 32-byte keyHash exactly, zero and 0xff bytes included", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const lastByteOne = Buffer.alloc(32);
    lastByteOne[31] = 1;
    const keys = [Buffer.alloc(32, 0), lastByteOne, Buffer.alloc(32, 0xff), keyHash("x")];

    for (const [i, key] of keys.entries()) {
      await ctx.store.createSession(sessionOf(admin, t0 + i, { keyHash: key }));
    }

    for (const [i, key] of keys.entries()) {
      const found = await ctx.store.findSession(Buffer.from(key), t0);
      assert.ok(Buffer.isBuffer(found?.keyHash), "keyHash comes back as a Buffer");
      assert.equal(found.keyHash.length, 32);
      assert.ok(found.keyHash.equals(key));
      assert.equal(found.createdAt, t0 + i);
    }
  });

  test("keeps its own copy of the keyHash it was given", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const key = keyHash("mine");
    await ctx.store.createSession(sessionOf(admin, t0, { keyHash: key }));

    key.fill(0);

    assert.ok((await ctx.store.findSession(keyHash("mine"), t0))?.keyHash.equals(keyHash("mine")));
    assert.equal(await ctx.store.findSession(Buffer.alloc(32), t0), undefined);
  });

  test("round-trips a userName with unicode and odd characters", async () => {
    const t0 = Date.now();
    const account = await addAccount(ctx.store, "Żółć O'Brien", "ДОМЕН");
    const userName = 'ДОМЕН\\Żółć O\'Brien <&> "名前" 🙂\t%_\\\\ end ';
    const session = sessionOf(account, t0, { userName });

    await ctx.store.createSession(session);

    assert.equal((await ctx.store.findSession(session.keyHash, t0))?.userName, userName);
    assert.equal((await ctx.store.listSessions())[0]?.userName, userName);
  });

  test("refuses a second session with the same keyHash and keeps the first", async () => {
    const t0 = Date.now();
    const alice = await addAccount(ctx.store, "alice");
    const bob = await addAccount(ctx.store, "bob");
    const first = sessionOf(alice, t0, { keyHash: keyHash("same") });

    await ctx.store.createSession(first);
    await assert.rejects(
      ctx.store.createSession(sessionOf(bob, t0 + 1, { keyHash: keyHash("same") })),
    );

    assert.deepEqual(await ctx.store.findSession(keyHash("same"), t0), first);
  });

  test("refuses a session for an account or tenant that is gone, with PrincipalGone", async () => {
    const t0 = Date.now();
    const bob = await addAccount(ctx.store, "bob");
    const acme = await addTenant(ctx.store, "Acme");
    await ctx.store.removeAccount(bob.id);
    await ctx.store.removeTenant(acme.id);

    for (const owner of [bob, acme]) {
      const session = sessionOf(owner, t0);
      await assert.rejects(ctx.store.createSession(session), PrincipalGone);
      assert.equal(await ctx.store.findSession(session.keyHash, t0), undefined);
    }
  });

  test("treats a session as gone at and after expiresAt", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const session = sessionOf(admin, t0);
    await ctx.store.createSession(session);

    assert.deepEqual(await ctx.store.findSession(session.keyHash, session.expiresAt - 1), session);
    assert.equal(await ctx.store.findSession(session.keyHash, session.expiresAt), undefined);
    assert.equal(
      await ctx.store.findSession(session.keyHash, session.expiresAt + 60 * MINUTE),
      undefined,
    );
  });

  test("deletes a session once", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const gone = sessionOf(admin, t0);
    const kept = sessionOf(admin, t0 + 1);
    await ctx.store.createSession(gone);
    await ctx.store.createSession(kept);

    assert.equal(await ctx.store.deleteSession(gone.keyHash), true);
    assert.equal(await ctx.store.deleteSession(gone.keyHash), false);
    assert.equal(await ctx.store.deleteSession(keyHash("never")), false);

    assert.equal(await ctx.store.findSession(gone.keyHash, t0), undefined);
    assert.deepEqual(await ctx.store.listSessions(), [kept]);
  });

  test("lists sessions oldest first", async () => {
    const t0 = Date.now();
    const admin = await addAccount(ctx.store, "Administrator");
    const acme = await addTenant(ctx.store, "Acme");
    const offsets = [5, 1, 4, 2, 3];

    for (const offset of offsets) {
      const owner = offset % 2 ? admin : acme;
      await ctx.store.createSession(sessionOf(owner, t0 + offset * 1000));
    }

    const listed = await ctx.store.listSessions();
    assert.deepEqual(
      listed.map((s) => s.createdAt - t0),
      [1000, 2000, 3000, 4000, 5000],
    );
    assert.deepEqual(await ctx.store.findSession(listed[0].keyHash, t0), listed[0]);
  });

  test("lists the sessions of one principal, oldest first", async () => {
    const t0 = Date.now();
    const alice = await addAccount(ctx.store, "alice");
    const bob = await addAccount(ctx.store, "bob");
    const acme = await addTenant(ctx.store, "Acme");
    const alice2 = sessionOf(alice, t0 + 2);
    const alice1 = sessionOf(alice, t0 + 1);
    const bob1 = sessionOf(bob, t0 + 3);
    const acme1 = sessionOf(acme, t0 + 4);
    for (const s of [alice2, alice1, bob1, acme1]) await ctx.store.createSession(s);

    const of = (kind: "account" | "tenant", principalId: string) =>
      ctx.store.listSessions({ kind, principalId });
    assert.deepEqual(await of("account", alice.id), [alice1, alice2]);
    assert.deepEqual(await of("account", bob.id), [bob1]);
    assert.deepEqual(await of("tenant", acme.id), [acme1]);
    assert.deepEqual(await of("tenant", alice.id), []);
    assert.deepEqual(
      (await ctx.store.listSessions()).map(hex),
      [alice1, alice2, bob1, acme1].map(hex),
    );
  });

  test("removing an account removes its sessions and no one else's", async () => {
    const t0 = Date.now();
    const alice = await addAccount(ctx.store, "alice");
    const bob = await addAccount(ctx.store, "bob");
    const acme = await addTenant(ctx.store, "Acme");
    const doomed = [sessionOf(alice, t0), sessionOf(alice, t0 + 1)];
    const kept = [sessionOf(bob, t0 + 2), sessionOf(acme, t0 + 3)];
    for (const s of [...doomed, ...kept]) await ctx.store.createSession(s);

    await ctx.store.removeAccount(alice.id);

    for (const s of doomed) assert.equal(await ctx.store.findSession(s.keyHash, t0), undefined);
    assert.deepEqual(await ctx.store.listSessions({ kind: "account", principalId: alice.id }), []);
    assert.deepEqual(await ctx.store.listSessions(), kept);
  });

  test("removing a tenant removes its sessions and no one else's", async () => {
    const t0 = Date.now();
    const alice = await addAccount(ctx.store, "alice");
    const acme = await addTenant(ctx.store, "Acme");
    const globex = await addTenant(ctx.store, "Globex");
    const doomed = [sessionOf(acme, t0), sessionOf(acme, t0 + 1)];
    const kept = [sessionOf(alice, t0 + 2), sessionOf(globex, t0 + 3)];
    for (const s of [...doomed, ...kept]) await ctx.store.createSession(s);

    await ctx.store.removeTenant(acme.id);

    for (const s of doomed) assert.equal(await ctx.store.findSession(s.keyHash, t0), undefined);
    assert.deepEqual(await ctx.store.listSessions(), kept);
  });
}
