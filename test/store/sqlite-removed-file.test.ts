import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { StoreUnavailable } from "../../src/store/store.js";
import { addAccount, addTenant, keyHash, MINUTE, sessionOf } from "./contract/fixtures.js";
import { record, records } from "./contract/inventory.js";

/** A store in a directory of its own, with an account, a tenant and a session in it. */
async function openFilled() {
  const dir = mkdtempSync(join(tmpdir(), "emrest-removed-"));
  const store = new SqliteStore(join(dir, "emrest.db"));
  await store.migrate();
  const alice = await addAccount(store, "alice");
  const tenant = await addTenant(store, "acme");
  const session = sessionOf(alice, Date.now());
  await store.createSession(session);
  await store.putInventoryRecords([record("jobs", 1)]);
  return { dir, store, alice, tenant, session };
}

const removed = /removed or replaced while open/;

function refused(write: Promise<unknown>, what: string) {
  return assert.rejects(
    write,
    (error) => error instanceof StoreUnavailable && removed.test(error.message),
    `${what} is refused`,
  );
}

describe("a SQLite store whose file is removed while open", () => {
  it("refuses every write at once, so no client is told a lost write succeeded", async () => {
    const { dir, store, alice, tenant, session } = await openFilled();
    // A read just before, so a check made at most once a second would not look again.
    await store.listAccounts();
    rmSync(dir, { recursive: true, force: true });

    const t0 = Date.now();
    const later = sessionOf(alice, t0 + 1, { keyHash: keyHash("after the removal") });
    await refused(store.createSession(later), "a logon");
    await refused(store.deleteSession(session.keyHash), "a logout");
    await refused(store.findSession(session.keyHash, t0, t0 + 60 * MINUTE), "a slide");
    await refused(addAccount(store, "bob"), "adding an account");
    await refused(store.setAccountPassword(alice.id, "$argon2id$new"), "a new password");
    await refused(store.setAccountRole(alice.id, "PortalAdministrator"), "a new role");
    await refused(store.removeAccount(alice.id), "removing an account");
    await refused(addTenant(store, "globex"), "adding a tenant");
    await refused(store.setTenantPassword(tenant.id, "$argon2id$new"), "a tenant's password");
    await refused(store.removeTenant(tenant.id), "removing a tenant");
    await refused(store.putInventoryRecords([record("jobs", 2)]), "a job action's records");
    await refused(store.replaceInventory([record("jobs", 3)]), "a replace");
    await refused(store.replaceInventory(records("jobs", 5000)), "a big replace");
    await refused(store.deleteExpiredSessions(t0 + 60 * MINUTE, 10), "a sweep");
    await store.close();
  });

  it("refuses a big replace whose file is removed while it is being written", async () => {
    const { dir, store } = await openFilled();

    let settled = false;
    const replacing = store.replaceInventory(records("jobs", 100_000));
    replacing.then(
      () => (settled = true),
      () => (settled = true),
    );
    await sleep(100); // into the bulk transaction, which yields between chunks
    assert.equal(settled, false, "the replace is still running");
    rmSync(dir, { recursive: true, force: true });

    await refused(replacing, "the replace");
    await store.close();
  });
});
