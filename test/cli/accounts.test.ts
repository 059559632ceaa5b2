import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { verifyPassword } from "../../src/sessions/credentials.js";
import { openStore } from "../../src/store/open-store.js";
import { errorLineOf, tempDataDir } from "./run-emrest.js";

type DataDir = Awaited<ReturnType<typeof tempDataDir>>;

/** The stored hash of an account, read straight from the SQLite store the CLI wrote. */
async function storedHash(dir: string, domain: string, name: string): Promise<string> {
  const store = await openStore("sqlite:emrest.db", { dataDir: dir });
  try {
    const account = await store.findAccount(domain, name);
    assert.ok(account, `${domain}\\${name} should exist`);
    return account.passwordHash;
  } finally {
    await store.close();
  }
}

describe("emrest accounts", () => {
  let data: DataDir;
  before(async () => (data = await tempDataDir()));
  after(() => data.remove());

  it("adds an account whose password, read from stdin, keeps colons and non-ASCII", async () => {
    const password = "pa:ss wörd ✓ 密码:";
    const result = await data.emrest(
      ["accounts", "add", "alice", "--role", "PortalUser"],
      `${password}\n`,
    );

    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "added TESTLAB\\alice as PortalUser\n");
    const hash = await storedHash(data.dir, "TESTLAB", "alice");
    assert.equal(await verifyPassword(hash, password), true);
    assert.equal(await verifyPassword(hash, `${password}\n`), false);
  });

  it("strips only one trailing newline from the password", async () => {
    await data.emrest(
      ["accounts", "add", "bob@example.org", "--role", "restore operator"],
      "two lines\n\n",
    );

    const hash = await storedHash(data.dir, "EXAMPLE.ORG", "bob");
    assert.equal(await verifyPassword(hash, "two lines\n"), true);
  });

  it("lists accounts one a line, and as JSON", async () => {
    const text = await data.emrest(["accounts", "list"]);
    const lines = text.stdout.trimEnd().split("\n");

    assert.equal(text.code, 0);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^TESTLAB\\alice\s+PortalUser\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(lines[1]!, /^EXAMPLE\.ORG\\bob\s+RestoreOperator\s+\d{4}-/);

    const json = JSON.parse((await data.emrest(["accounts", "list", "--json"])).stdout);
    assert.deepEqual(
      json.map((a: Record<string, string>) => [a.userName, a.domain, a.name, a.role]),
      [
        ["TESTLAB\\alice", "TESTLAB", "alice", "PortalUser"],
        ["EXAMPLE.ORG\\bob", "EXAMPLE.ORG", "bob", "RestoreOperator"],
      ],
    );
    assert.equal(JSON.stringify(json).includes("argon2"), false);
  });

  it("refuses a second account of the same name in another form", async () => {
    const result = await data.emrest(["accounts", "add", "testlab\\ALICE", "--role", "None"], "x");

    assert.equal(result.code, 1);
    assert.equal(errorLineOf(result), "emrest: an account TESTLAB\\ALICE already exists");
  });

  it("changes the role, accepting the console's spelling", async () => {
    const result = await data.emrest(["accounts", "set-role", "alice", "Portal Administrator"]);

    assert.equal(result.code, 0, result.stderr);
    const list = await data.emrest(["accounts", "list", "--json"]);
    assert.equal(JSON.parse(list.stdout)[0].role, "PortalAdministrator");
  });

  it("sets a new password from stdin", async () => {
    const result = await data.emrest(["accounts", "set-password", "TESTLAB\\alice"], "ñew:pw\r\n");

    assert.equal(result.code, 0, result.stderr);
    const hash = await storedHash(data.dir, "TESTLAB", "alice");
    assert.equal(await verifyPassword(hash, "ñew:pw"), true);
    assert.equal(await verifyPassword(hash, "pa:ss wörd ✓ 密码:"), false);
  });

  it("refuses an unknown role with exit code 2 and one line", async () => {
    const result = await data.emrest(["accounts", "add", "carol", "--role", "Superuser"], "pw");

    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /unknown role "Superuser"; use one of PortalAdministrator/);
  });

  it("refuses an empty password with exit code 2 and one line", async () => {
    for (const input of ["", "\n"]) {
      const result = await data.emrest(["accounts", "add", "carol", "--role", "PortalUser"], input);
      assert.equal(result.code, 2);
      assert.match(errorLineOf(result), /the password on stdin is empty/);
    }
    const list = await data.emrest(["accounts", "list"]);
    assert.doesNotMatch(list.stdout, /carol/);
  });

  it("refuses a name with an empty part with exit code 2", async () => {
    const result = await data.emrest(["accounts", "add", "TESTLAB\\", "--role", "None"], "pw");

    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /is not an account name/);
  });

  it("names an unknown account in one line with exit code 1", async () => {
    for (const args of [
      ["accounts", "remove", "mallory"],
      ["accounts", "set-role", "mallory", "PortalUser"],
      ["accounts", "set-password", "mallory"],
    ]) {
      const result = await data.emrest(args, "pw");
      assert.equal(result.code, 1, args.join(" "));
      assert.equal(errorLineOf(result), "emrest: there is no account TESTLAB\\mallory");
    }
  });

  it("removes an account", async () => {
    const result = await data.emrest(["accounts", "remove", "bob@example.org"]);

    assert.equal(result.code, 0, result.stderr);
    const list = await data.emrest(["accounts", "list"]);
    assert.doesNotMatch(list.stdout, /bob/);
    assert.match(list.stdout, /alice/);
  });

  it("keeps the last Portal Administrator unless told --force", async () => {
    // alice is the only administrator here (set-role above made her one).
    for (const args of [
      ["accounts", "remove", "alice"],
      ["accounts", "set-role", "alice", "PortalUser"],
    ]) {
      const result = await data.emrest(args);
      assert.equal(result.code, 1, args.join(" "));
      assert.match(errorLineOf(result), /TESTLAB\\alice is the last Portal Administrator; add/);
    }
    assert.match((await data.emrest(["accounts", "list"])).stdout, /alice\s+PortalAdministrator/);

    await data.emrest(["accounts", "add", "dave", "--role", "PortalAdministrator"], "pw");
    const demoted = await data.emrest(["accounts", "set-role", "alice", "PortalUser"]);
    assert.equal(demoted.code, 0, demoted.stderr);
    const forced = await data.emrest(["accounts", "remove", "dave", "--force"]);
    assert.equal(forced.code, 0, forced.stderr);
    assert.doesNotMatch((await data.emrest(["accounts", "list"])).stdout, /PortalAdministrator/);
  });

  it("reports an unreachable store in one line with exit code 1", async () => {
    const result = await data.emrest(["accounts", "list", "--store", "postgres://127.0.0.1:1/x"]);

    assert.equal(result.code, 1);
    assert.match(errorLineOf(result), /^emrest: the store is unavailable: .*ECONNREFUSED/);
  });

  it("refuses a store URL of unknown scheme with exit code 2", async () => {
    const result = await data.emrest(["accounts", "list", "--store", "mongodb://127.0.0.1/x"]);

    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /unknown store scheme "mongodb:"/);
  });
});
