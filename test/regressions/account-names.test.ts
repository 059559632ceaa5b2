import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { SessionService } from "../../src/sessions/session-service.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { errorLineOf, tempDataDir } from "../cli/run-emrest.js";

// Found by trying to break emrest: `accounts add 'straße\dave'` stored the domain STRASSE,
// after which `straße\dave` could not log on; and names with control characters, newlines or
// edge spaces were stored as given, breaking listings and the XML/JSON agreement.
describe("account names", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => {
    data = await tempDataDir();
  });
  after(() => data.remove());

  test("a domain whose capitals change its length logs on as typed", async () => {
    const added = await data.emrest(["accounts", "add", "straße\\dave", "--role", "PortalUser"], "pw");
    assert.equal(added.code, 0, added.stderr);

    const store = new MemoryStore();
    const { hashPassword } = await import("../../src/sessions/credentials.js");
    await store.addAccount({ domain: "STRASSE", name: "dave", role: "PortalUser", passwordHash: await hashPassword("pw") });
    const service = new SessionService({ store, idleTimeoutMs: 60_000, absoluteLifetimeMs: 0, localDomain: "SRV12" });
    for (const name of ["straße\\dave", "STRASSE\\dave", "dave@Straße"]) {
      const session = await service.logon({ version: "v1_7", basic: { userName: name, password: "pw" } });
      assert.equal(session.record.userName, "STRASSE\\dave", name);
    }
    await store.close();
  });

  for (const [label, name] of [
    ["a newline", "SRV12\\eve\nroot"],
    ["an escape sequence", "SRV12\\\u001b[31mred"],
    ["a leading space", " SRV12\\spacey"],
    ["a second backslash", "a\\b\\c"],
    ["300 characters", `SRV12\\${"x".repeat(300)}`],
  ]) {
    test(`refuses an account name with ${label}, in one line`, async () => {
      const result = await data.emrest(["accounts", "add", name, "--role", "PortalUser"], "pw");
      assert.equal(result.code, 2);
      assert.match(errorLineOf(result), /cannot name an account/);
    });
  }

  test("refuses a tenant name with a control character", async () => {
    const result = await data.emrest(["tenants", "add", "ABC\u0001Company"], "pw");
    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /cannot name a tenant/);
  });
});
