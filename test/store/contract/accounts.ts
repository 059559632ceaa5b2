import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

import { AlreadyExists, ROLES } from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";
import { addAccount, byId, newAccount } from "./fixtures.js";

export function accountTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("adds an account and gets it back by id", async () => {
    const before = Date.now();
    const added = await ctx.store.addAccount(
      newAccount("Administrator", { role: "PortalAdministrator" }),
    );
    const after = Date.now();

    assert.equal(typeof added.id, "string");
    assert.ok(added.id.length > 0);
    assert.equal(added.domain, "SRV12");
    assert.equal(added.name, "Administrator");
    assert.equal(added.role, "PortalAdministrator");
    assert.equal(added.passwordHash, "$argon2id$Administrator");
    assert.ok(
      added.createdAt >= before && added.createdAt <= after,
      "createdAt is the time of adding",
    );

    assert.deepEqual(await ctx.store.getAccount(added.id), added);
  });

  test("gives each account its own id", async () => {
    const a = await addAccount(ctx.store, "alice");
    const b = await addAccount(ctx.store, "bob");

    assert.notEqual(a.id, b.id);
  });

  test("finds an account by domain and name in any letter case", async () => {
    const admin = await addAccount(ctx.store, "Administrator");
    const muller = await addAccount(ctx.store, "Müller", "ÄMT");
    const cyrillic = await addAccount(ctx.store, "Админ", "ДОМЕН");

    assert.deepEqual(await ctx.store.findAccount("SRV12", "Administrator"), admin);
    assert.deepEqual(await ctx.store.findAccount("srv12", "ADMINISTRATOR"), admin);
    assert.deepEqual(await ctx.store.findAccount("Srv12", "administrator"), admin);
    assert.deepEqual(await ctx.store.findAccount("ämt", "MÜLLER"), muller);
    assert.deepEqual(await ctx.store.findAccount("домен", "АДМИН"), cyrillic);
  });

  test("keeps accounts of the same name in different domains apart", async () => {
    const local = await addAccount(ctx.store, "admin", "SRV12");
    const corp = await addAccount(ctx.store, "admin", "CORP");

    assert.deepEqual(await ctx.store.findAccount("SRV12", "admin"), local);
    assert.deepEqual(await ctx.store.findAccount("CORP", "admin"), corp);
    assert.equal(await ctx.store.findAccount("OTHER", "admin"), undefined);
  });

  test("refuses an account that differs from another only by letter case", async () => {
    const first = await addAccount(ctx.store, "Administrator");

    await assert.rejects(ctx.store.addAccount(newAccount("Administrator")), AlreadyExists);
    await assert.rejects(
      ctx.store.addAccount(
        newAccount("ADMINISTRATOR", { domain: "srv12", role: "RestoreOperator" }),
      ),
      AlreadyExists,
    );
    assert.deepEqual(await ctx.store.listAccounts(), [first]);
  });

  test("finds no account for an unknown name or id", async () => {
    await addAccount(ctx.store, "alice");

    assert.equal(await ctx.store.findAccount("SRV12", "bob"), undefined);
    assert.equal(await ctx.store.findAccount("SRV1", "alice"), undefined);
    assert.equal(await ctx.store.getAccount(randomUUID()), undefined);
    assert.equal(await ctx.store.getAccount("not-an-id"), undefined);
  });

  test("lists every account", async () => {
    assert.deepEqual(await ctx.store.listAccounts(), []);
    const added = [
      await addAccount(ctx.store, "alice"),
      await addAccount(ctx.store, "bob", "CORP"),
      await addAccount(ctx.store, "carol"),
    ];

    assert.deepEqual(byId(await ctx.store.listAccounts()), byId(added));
  });

  test("removes an account once", async () => {
    const alice = await addAccount(ctx.store, "alice");
    const bob = await addAccount(ctx.store, "bob");

    assert.equal(await ctx.store.removeAccount(alice.id), true);
    assert.equal(await ctx.store.removeAccount(alice.id), false);
    assert.equal(await ctx.store.removeAccount(randomUUID()), false);
    assert.equal(await ctx.store.getAccount(alice.id), undefined);
    assert.equal(await ctx.store.findAccount("SRV12", "alice"), undefined);
    assert.deepEqual(await ctx.store.listAccounts(), [bob]);
  });

  test("accepts a removed account's name again", async () => {
    const first = await addAccount(ctx.store, "alice");
    await ctx.store.removeAccount(first.id);

    const second = await addAccount(ctx.store, "ALICE");

    assert.notEqual(second.id, first.id);
    assert.deepEqual(await ctx.store.findAccount("srv12", "alice"), second);
  });

  test("changes an account's password hash", async () => {
    const alice = await addAccount(ctx.store, "alice");
    const bob = await addAccount(ctx.store, "bob");

    assert.equal(await ctx.store.setAccountPassword(alice.id, "$argon2id$new"), true);
    assert.equal(await ctx.store.setAccountPassword(randomUUID(), "$argon2id$x"), false);

    assert.deepEqual(await ctx.store.getAccount(alice.id), {
      ...alice,
      passwordHash: "$argon2id$new",
    });
    assert.equal((await ctx.store.findAccount("SRV12", "alice"))?.passwordHash, "$argon2id$new");
    assert.deepEqual(await ctx.store.getAccount(bob.id), bob);
  });

  test("changes an account's role to each role", async () => {
    const alice = await addAccount(ctx.store, "alice");
    const bob = await addAccount(ctx.store, "bob");

    for (const role of ROLES) {
      assert.equal(await ctx.store.setAccountRole(alice.id, role), true);
      assert.deepEqual(await ctx.store.getAccount(alice.id), { ...alice, role });
    }
    assert.equal(await ctx.store.setAccountRole(randomUUID(), "PortalUser"), false);
    assert.deepEqual(await ctx.store.getAccount(bob.id), bob);
  });

  test("hands out accounts that cannot change the store when edited", async () => {
    const alice = await addAccount(ctx.store, "alice");
    const copy = { ...alice };

    alice.role = "PortalAdministrator";
    const found = await ctx.store.getAccount(alice.id);
    found!.passwordHash = "edited";

    assert.deepEqual(await ctx.store.getAccount(alice.id), copy);
    assert.deepEqual(await ctx.store.listAccounts(), [copy]);
  });
}
