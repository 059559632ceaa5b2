import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { Fault } from "../../src/faults/fault.js";
import { hashPassword } from "../../src/sessions/credentials.js";
import { SessionService } from "../../src/sessions/session-service.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

const MINUTE = 60_000;

describe("SessionService with a logon throttle", () => {
  let now: number;
  let store: MemoryStore;
  let service: SessionService;
  let lookups: number;
  const logon = (userName: string, password: string, address = "10.0.0.1") =>
    service.logon({ version: "v1_7", basic: { userName, password }, address });

  beforeEach(async () => {
    now = 1_700_000_000_000;
    store = new MemoryStore();
    const passwordHash = await hashPassword("right");
    await store.addAccount({
      domain: "SRV12",
      name: "admin",
      role: "PortalAdministrator",
      passwordHash,
    });
    const find = store.findAccount.bind(store);
    lookups = 0;
    store.findAccount = (...args) => (lookups++, find(...args));
    service = new SessionService({
      store,
      idleTimeoutMs: 15 * MINUTE,
      absoluteLifetimeMs: 0,
      localDomain: "SRV12",
      throttle: { accountFailures: 3, addressFailures: 0, windowMs: 5 * MINUTE },
      clock: () => now,
    });
  });

  async function faultOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof Fault, String(error));
      return error.fault;
    }
    return "none";
  }

  test("a throttled logon with the right password still checks it, then fails as a wrong one", async () => {
    for (let i = 0; i < 3; i++) assert.equal(await faultOf(logon("admin", "wrong")), "LogonFailed");
    const before = lookups;
    assert.equal(await faultOf(logon("admin", "right")), "LogonFailed");
    assert.equal(lookups, before + 1, "the throttled attempt looked the account up as any other");
  });

  test("every spelling of one account counts against the same name", async () => {
    await faultOf(logon("admin", "wrong"));
    await faultOf(logon("srv12\\ADMIN", "wrong"));
    await faultOf(logon("Admin@srv12", "wrong"));
    assert.equal(await faultOf(logon("SRV12\\admin", "right")), "LogonFailed");
  });

  test("names the store takes for one account count as one, ß and SS alike", async () => {
    await store.addAccount({
      domain: "STRASSE",
      name: "müß",
      role: "PortalUser",
      passwordHash: await hashPassword("right"),
    });
    await faultOf(logon("straße\\müß", "wrong"));
    await faultOf(logon("STRASSE\\MÜSS", "wrong"));
    await faultOf(logon("müss@strasse", "wrong"));
    assert.equal(await faultOf(logon("STRASSE\\müß", "right")), "LogonFailed");
  });

  test("attempts refused while throttled do not count, so the lock lifts one window later", async () => {
    for (let i = 0; i < 3; i++) await faultOf(logon("admin", "wrong"));
    for (let minute = 1; minute < 5; minute++) {
      now += MINUTE;
      assert.equal(await faultOf(logon("admin", "wrong")), "LogonFailed");
    }
    now += MINUTE + 1;
    assert.equal(await faultOf(logon("admin", "right")), "none");
  });

  test("a success clears the account's failures", async () => {
    await faultOf(logon("admin", "wrong"));
    await faultOf(logon("admin", "wrong"));
    assert.equal(await faultOf(logon("admin", "right")), "none");
    await faultOf(logon("admin", "wrong"));
    await faultOf(logon("admin", "wrong"));
    assert.equal(await faultOf(logon("admin", "right")), "none");
  });

  test("a tenant name is throttled apart from an account of the same name", async () => {
    const tenant = (password: string) =>
      service.logon({ version: "v1_7", tenant: { name: "admin", password }, address: "10.0.0.2" });
    for (let i = 0; i < 3; i++) await faultOf(tenant("wrong"));
    assert.equal(await faultOf(logon("admin", "right")), "none");
  });
});
