import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { ensureAdministrator, PASSWORD_FILE } from "../../src/sessions/bootstrap-admin.js";
import { verifyPassword } from "../../src/sessions/credentials.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

describe("ensureAdministrator", () => {
  let dataDir: string;
  let store: MemoryStore;
  const options = () => ({ dataDir, domain: "srv12", adminUser: "Administrator" });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "emrest-admin-"));
    store = new MemoryStore();
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("creates a Portal Administrator with a random password saved 0600", async () => {
    const outcome = await ensureAdministrator(store, { ...options(), adminPassword: null });

    assert.equal(outcome.kind, "generated");
    if (outcome.kind !== "generated") return;
    assert.equal(outcome.userName, "SRV12\\Administrator");
    assert.match(outcome.password, /^[A-Za-z0-9_-]{20,}$/);
    assert.equal(outcome.passwordFile, join(dataDir, PASSWORD_FILE));
    assert.equal(await readFile(outcome.passwordFile, "utf8"), `${outcome.password}\n`);
    assert.equal((await stat(outcome.passwordFile)).mode & 0o777, 0o600);

    const account = await store.findAccount("SRV12", "administrator");
    assert.equal(account?.role, "PortalAdministrator");
    assert.equal(await verifyPassword(account?.passwordHash, outcome.password), true);
  });

  it("generates a different password on each fresh store", async () => {
    const first = await ensureAdministrator(store, { ...options(), adminPassword: null });
    const second = await ensureAdministrator(new MemoryStore(), {
      ...options(),
      adminPassword: null,
    });

    assert.ok(first.kind === "generated" && second.kind === "generated");
    assert.notEqual(first.password, second.password);
  });

  it("does nothing, and shows no password, when the store already has an account", async () => {
    await ensureAdministrator(store, { ...options(), adminPassword: null });
    const fileBefore = await readFile(join(dataDir, PASSWORD_FILE), "utf8");

    const again = await ensureAdministrator(store, { ...options(), adminPassword: null });

    assert.deepEqual(again, { kind: "existing" });
    assert.equal((await store.listAccounts()).length, 1);
    assert.equal(await readFile(join(dataDir, PASSWORD_FILE), "utf8"), fileBefore);
  });

  it("uses the given password and writes no file", async () => {
    const outcome = await ensureAdministrator(store, {
      ...options(),
      adminUser: "admin@Corp.Example",
      adminPassword: "given:pässword",
    });

    assert.deepEqual(outcome, { kind: "created", userName: "CORP.EXAMPLE\\admin" });
    const account = await store.findAccount("CORP.EXAMPLE", "admin");
    assert.equal(await verifyPassword(account?.passwordHash, "given:pässword"), true);
    await assert.rejects(stat(join(dataDir, PASSWORD_FILE)), { code: "ENOENT" });
  });

  it("replaces a stale, readable password file with a fresh 0600 one", async () => {
    const path = join(dataDir, PASSWORD_FILE);
    await writeFile(path, "old\n", { mode: 0o644 });

    const outcome = await ensureAdministrator(store, { ...options(), adminPassword: null });

    assert.ok(outcome.kind === "generated");
    assert.equal(await readFile(path, "utf8"), `${outcome.password}\n`);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  });

  it("still returns the password when the file cannot be written", async () => {
    const outcome = await ensureAdministrator(store, {
      ...options(),
      dataDir: join(dataDir, "missing", "folder"),
      adminPassword: null,
    });

    assert.ok(outcome.kind === "generated");
    assert.equal(outcome.passwordFile, null);
    assert.match(outcome.writeError ?? "", /ENOENT/);
    const account = await store.findAccount("SRV12", "Administrator");
    assert.equal(await verifyPassword(account?.passwordHash, outcome.password), true);
  });
});
