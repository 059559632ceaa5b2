import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";

import { AlreadyExists } from "../../../src/store/store.js";
import type { ContractContext } from "./context.js";
import { addTenant, byId } from "./fixtures.js";

export function tenantTests(ctx: ContractContext): void {
  const { test } = ctx;

  test("adds a tenant and finds it by name in any letter case", async () => {
    const before = Date.now();
    const acme = await ctx.store.addTenant({ name: "Acme", passwordHash: "$argon2id$acme" });
    const after = Date.now();

    assert.ok(acme.id.length > 0);
    assert.equal(acme.name, "Acme");
    assert.equal(acme.passwordHash, "$argon2id$acme");
    assert.ok(
      acme.createdAt >= before && acme.createdAt <= after,
      "createdAt is the time of adding",
    );

    assert.deepEqual(await ctx.store.findTenant("Acme"), acme);
    assert.deepEqual(await ctx.store.findTenant("aCME"), acme);
    assert.equal(await ctx.store.findTenant("Acme2"), undefined);
  });

  test("finds a tenant with a non-ASCII name in any letter case", async () => {
    const tenant = await addTenant(ctx.store, "Größe-Кузница");

    assert.deepEqual(await ctx.store.findTenant("GRÖßE-кузница"), tenant);
    assert.deepEqual(await ctx.store.findTenant("größe-КУЗНИЦА"), tenant);
  });

  test("refuses a tenant that differs from another only by letter case", async () => {
    const first = await addTenant(ctx.store, "Acme");

    await assert.rejects(addTenant(ctx.store, "ACME"), AlreadyExists);
    assert.deepEqual(await ctx.store.listTenants(), [first]);
  });

  test("lists every tenant and gives each its own id", async () => {
    assert.deepEqual(await ctx.store.listTenants(), []);
    const added = [await addTenant(ctx.store, "Acme"), await addTenant(ctx.store, "Globex")];

    assert.notEqual(added[0].id, added[1].id);
    assert.deepEqual(byId(await ctx.store.listTenants()), byId(added));
  });

  test("removes a tenant once", async () => {
    const acme = await addTenant(ctx.store, "Acme");
    const globex = await addTenant(ctx.store, "Globex");

    assert.equal(await ctx.store.removeTenant(acme.id), true);
    assert.equal(await ctx.store.removeTenant(acme.id), false);
    assert.equal(await ctx.store.removeTenant("not-an-id"), false);
    assert.equal(await ctx.store.findTenant("Acme"), undefined);
    assert.deepEqual(await ctx.store.listTenants(), [globex]);
  });

  test("changes a tenant's password hash", async () => {
    const acme = await addTenant(ctx.store, "Acme");
    const globex = await addTenant(ctx.store, "Globex");

    assert.equal(await ctx.store.setTenantPassword(acme.id, "$argon2id$new"), true);
    assert.equal(await ctx.store.setTenantPassword(randomUUID(), "$argon2id$x"), false);

    assert.deepEqual(await ctx.store.findTenant("acme"), {
      ...acme,
      passwordHash: "$argon2id$new",
    });
    assert.deepEqual(await ctx.store.findTenant("globex"), globex);
  });

  test("keeps tenants and accounts of the same name apart", async () => {
    const tenant = await addTenant(ctx.store, "acme");
    const account = await ctx.store.addAccount({
      domain: "SRV12",
      name: "acme",
      role: "PortalUser",
      passwordHash: "$argon2id$a",
    });

    assert.deepEqual(await ctx.store.findTenant("acme"), tenant);
    assert.deepEqual(await ctx.store.findAccount("SRV12", "acme"), account);
  });
}
