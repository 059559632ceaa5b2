import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { Fault } from "../../src/faults/fault.js";
import { hashPassword } from "../../src/sessions/credentials.js";
import { SessionService } from "../../src/sessions/session-service.js";
import { tokenFor } from "../../src/sessions/session-id.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

const MINUTE = 60_000;

describe("SessionService", () => {
  let now: number;
  let store: MemoryStore;
  let service: SessionService;
  const make = (extra: Partial<ConstructorParameters<typeof SessionService>[0]> = {}) =>
    new SessionService({ store, idleTimeoutMs: 15 * MINUTE, absoluteLifetimeMs: 0, localDomain: "SRV12", clock: () => now, ...extra });
  const admin = { version: "v1_7", basic: { userName: "admin", password: "pw" } };

  beforeEach(async () => {
    now = 1_700_000_000_000;
    store = new MemoryStore();
    await store.addAccount({ domain: "SRV12", name: "admin", role: "PortalAdministrator", passwordHash: await hashPassword("pw") });
    service = make();
  });

  async function faultOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof Fault, String(error));
      return error.fault;
    }
    assert.fail("expected a fault");
  }

  test("a new session expires 15 idle minutes after logon", async () => {
    const session = await service.logon(admin);
    assert.equal(session.token, tokenFor(session.sessionId));
    assert.equal(session.record.expiresAt, now + 15 * MINUTE);

    now += 15 * MINUTE - 1;
    await service.authenticate(session.token);
    now += 15 * MINUTE;
    assert.equal(await faultOf(service.authenticate(session.token)), "SessionNotFound");
  });

  test("each authentication slides the window from that moment", async () => {
    const session = await service.logon(admin);
    for (let i = 0; i < 5; i++) {
      now += 10 * MINUTE;
      const active = await service.authenticate(session.token);
      assert.equal(active.record.expiresAt, now + 15 * MINUTE);
    }
  });

  test("the store holds only the hash of the token, never the token or the SessionId", async () => {
    const session = await service.logon(admin);
    const [record] = await store.listSessions();
    const kept = JSON.stringify(record) + record!.keyHash.toString("latin1");
    assert.ok(!kept.includes(session.sessionId));
    assert.ok(!kept.includes(session.token));
    assert.equal(record!.keyHash.length, 32);
  });

  test("an absolute lifetime caps sliding", async () => {
    service = make({ absoluteLifetimeMs: 20 * MINUTE });
    const session = await service.logon(admin);
    now += 10 * MINUTE;
    assert.equal((await service.authenticate(session.token)).record.expiresAt, session.record.createdAt + 20 * MINUTE);
    now += 10 * MINUTE;
    assert.equal(await faultOf(service.authenticate(session.token)), "SessionNotFound");
  });

  test("tokens that are not base64 of a GUID never reach the store", async () => {
    let lookups = 0;
    const find = store.findSession.bind(store);
    store.findSession = (...args) => {
      lookups++;
      return find(...args);
    };
    for (const token of ["", "abc", "x".repeat(48), tokenFor("not-a-guid-but-thirty-six-chars-long")]) {
      assert.equal(await faultOf(service.authenticate(token)), "SessionNotFound");
    }
    assert.equal(lookups, 0);
  });

  test("logout removes the session from the store", async () => {
    const session = await service.logon(admin);
    await service.logout(session, session.sessionId.toUpperCase());
    assert.equal((await store.listSessions()).length, 0);
    assert.equal(await faultOf(service.authenticate(session.token)), "SessionNotFound");
  });

  test("a wrong password, an unknown account and a missing header fail without a session", async () => {
    assert.equal(await faultOf(service.logon({ version: "v1_7", basic: { userName: "admin", password: "no" } })), "LogonFailed");
    assert.equal(await faultOf(service.logon({ version: "v1_7", basic: { userName: "ghost", password: "pw" } })), "LogonFailed");
    assert.equal(await faultOf(service.logon({ version: "v1_7" })), "Unauthorized");
    assert.equal((await store.listSessions()).length, 0);
  });

  test("past the bound of logons in flight, a logon is refused as Overloaded", async () => {
    service = make({ maxPendingLogons: 2 });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => service.logon(admin)));
    const refused = results.filter((r) => r.status === "rejected" && (r.reason as Fault).fault === "Overloaded");
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 2);
    assert.equal(refused.length, 6);
    assert.equal((refused[0] as PromiseRejectedResult).reason.headers["Retry-After"], "1");
    // Once they finish, logons are accepted again.
    await service.logon(admin);
  });

  test("a logon whose account is removed while its password is checked fails as LogonFailed", async () => {
    const create = store.createSession.bind(store);
    store.createSession = async (record) => {
      await store.removeAccount(record.principalId);
      return create(record);
    };
    assert.equal(await faultOf(service.logon(admin)), "LogonFailed");
  });

  test("when two logouts of one's own session race, the loser gets SessionNotFound (401)", async () => {
    const session = await service.logon(admin);
    const results = await Promise.allSettled([
      service.logout(session, session.sessionId),
      service.logout(session, session.sessionId),
    ]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    assert.equal((loser.reason as Fault).fault, "SessionNotFound");
  });
});
