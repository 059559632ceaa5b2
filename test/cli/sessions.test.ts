import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openStore } from "../../src/store/open-store.js";
import type { Account, SessionRecord, Tenant } from "../../src/store/store.js";
import { errorLineOf, tempDataDir } from "./run-emrest.js";

const NOW = Date.now();

/** A key hash whose hex form starts with `prefix` and is padded with `fill`. */
function key(prefix: string, fill: string): Buffer {
  return Buffer.from(prefix + fill.repeat(64 - prefix.length), "hex");
}

function session(owner: Account | Tenant, keyHash: Buffer, minutesAgo: number): SessionRecord {
  const isAccount = "domain" in owner;
  return {
    keyHash,
    kind: isAccount ? "account" : "tenant",
    principalId: owner.id,
    userName: isAccount ? `${owner.domain}\\${owner.name}` : owner.name,
    role: isAccount ? owner.role : "PortalUser",
    version: "v1_7",
    createdAt: NOW - minutesAgo * 60_000,
    expiresAt: NOW + 10 * 60_000,
    hardExpiresAt: 0,
  };
}

const KEYS = {
  alice1: key("aaaaaaaa11", "1"),
  alice2: key("aaaaaaaa22", "2"),
  tenant: key("bbbbbbbb33", "3"),
  bob: key("cccccccc44", "4"),
};

describe("emrest sessions", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;

  before(async () => {
    data = await tempDataDir();
    const store = await openStore("sqlite:emrest.db", { dataDir: data.dir });
    const hash = "$argon2id$v=19$m=19456,t=2,p=1$unused$unused";
    const alice = await store.addAccount({
      domain: "TESTLAB",
      name: "alice",
      role: "PortalUser",
      passwordHash: hash,
    });
    const bob = await store.addAccount({
      domain: "TESTLAB",
      name: "bob",
      role: "PortalAdministrator",
      passwordHash: hash,
    });
    const tenant = await store.addTenant({ name: "ABC Company", passwordHash: hash });
    await store.createSession(session(alice, KEYS.alice1, 4));
    await store.createSession(session(alice, KEYS.alice2, 3));
    await store.createSession(session(tenant, KEYS.tenant, 2));
    await store.createSession(session(bob, KEYS.bob, 1));
    await store.close();
  });
  after(() => data.remove());

  async function handles(): Promise<string[]> {
    const result = await data.emrest(["sessions", "list", "--json"]);
    return JSON.parse(result.stdout).map((s: { handle: string }) => s.handle);
  }

  it("lists live sessions with a 12-character handle and nothing more of the key", async () => {
    const result = await data.emrest(["sessions", "list"]);
    const lines = result.stdout.trimEnd().split("\n");

    assert.equal(result.code, 0, result.stderr);
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^aaaaaaaa1111\s+TESTLAB\\alice\s+account\s+v1_7\s+\S+Z\s+\S+Z$/);
    assert.match(lines[2]!, /^bbbbbbbb3333\s+ABC Company\s+tenant\s+v1_7\s/);
    for (const keyHash of Object.values(KEYS)) {
      assert.equal(result.stdout.includes(keyHash.toString("hex").slice(0, 13)), false);
    }
  });

  it("lists sessions as JSON for scripts", async () => {
    const result = await data.emrest(["sessions", "list", "--json"]);
    const first = JSON.parse(result.stdout)[0];

    assert.deepEqual(Object.keys(first).sort(), [
      "created",
      "expires",
      "handle",
      "hardExpires",
      "kind",
      "role",
      "userName",
      "version",
    ]);
    assert.equal(first.handle, "aaaaaaaa1111");
    assert.equal(first.hardExpires, null);
  });

  it("refuses a handle prefix that matches two sessions, revoking nothing", async () => {
    const result = await data.emrest(["sessions", "revoke", "aaaaaaaa"]);

    assert.equal(result.code, 1);
    assert.equal(
      errorLineOf(result),
      "emrest: handle aaaaaaaa matches 2 sessions; give more of it",
    );
    assert.equal((await handles()).length, 4);
  });

  it("refuses a handle shorter than 8 hex characters with exit code 2", async () => {
    for (const handle of ["aaaaaaa", "not-hex-at-all"]) {
      const result = await data.emrest(["sessions", "revoke", handle]);
      assert.equal(result.code, 2);
      assert.match(errorLineOf(result), /is not a session handle/);
    }
  });

  it("names a handle that matches no session with exit code 1", async () => {
    const result = await data.emrest(["sessions", "revoke", "deadbeef"]);

    assert.equal(result.code, 1);
    assert.equal(errorLineOf(result), "emrest: there is no live session deadbeef");
  });

  it("revokes one session by a unique prefix", async () => {
    const result = await data.emrest(["sessions", "revoke", "AAAAAAAA1"]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "revoked 1 session\n");
    assert.deepEqual(await handles(), ["aaaaaaaa2222", "bbbbbbbb3333", "cccccccc4444"]);
  });

  it("revokes every session of one account", async () => {
    const result = await data.emrest(["sessions", "revoke", "--account", "testlab\\BOB"]);

    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(await handles(), ["aaaaaaaa2222", "bbbbbbbb3333"]);
  });

  it("says that an account's live sessions keep their role after set-role", async () => {
    const result = await data.emrest(["accounts", "set-role", "alice", "None"]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(
      result.stdout,
      "TESTLAB\\alice is now None\n" +
        "1 live session(s) keep the old role until they end; to end them now: " +
        "emrest sessions revoke --account 'TESTLAB\\alice'\n",
    );
  });

  it("asks for exactly one way of choosing sessions", async () => {
    for (const args of [[], ["--all", "aaaaaaaa"], ["--all", "--account", "alice"]]) {
      const result = await data.emrest(["sessions", "revoke", ...args]);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(errorLineOf(result), /give session handles, or --account NAME/);
    }
  });

  it("revokes every session with --all", async () => {
    const result = await data.emrest(["sessions", "revoke", "--all"]);

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "revoked 2 sessions\n");
    assert.deepEqual(await handles(), []);
  });
});
