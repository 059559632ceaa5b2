import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { basic, type Reply } from "../helpers/client.js";
import { sendFrom } from "../helpers/raw-http.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

/**
 * Brute force over HTTP, with each scenario on its own loopback source address
 * (127.0.0.N), so the per-address limit is exercised without other tests in the way.
 */
describe("failed logons are throttled per account and per address", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      flags: { maxAccountFailures: "3", maxAddressFailures: "6", failureWindow: "4s" },
    });
    for (const name of ["operator", "target", "lifted", "timed", "fresh"]) {
      await server.addAccount(`SRV12\\${name}`, "right-pw");
    }
  });
  after(() => server.close());

  const logon = (from: string, user: string, password: string) =>
    sendFrom(`127.0.0.${from}`, `${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic(user, password) },
    });

  /** Everything a client sees but the date. */
  const seen = (reply: Reply) => {
    const { date: _date, ...headers } = reply.headers;
    return { status: reply.status, headers, body: reply.body };
  };

  test("a throttled account, even with its password, answers exactly as a wrong password", async () => {
    for (let i = 0; i < 3; i++) assert.equal((await logon("11", "operator", "bad")).status, 401);
    const throttled = await logon("12", "operator", "right-pw");

    for (let i = 0; i < 3; i++) await logon("13", "ghost", "bad");
    const throttledGhost = await logon("14", "ghost", "right-pw");
    const ordinary = await logon("15", "fresh", "bad");

    assert.equal(throttled.status, 401);
    assert.deepEqual(seen(throttled), seen(ordinary));
    assert.deepEqual(seen(throttledGhost), seen(ordinary));
  });

  test("the log records a throttled logon with the account, the address and why", async () => {
    const line = server.logs.find(
      (entry) => entry.event === "logon-throttled" && entry.address === "127.0.0.12",
    );
    assert.ok(line, "no audit line for the throttled logon");
    assert.equal(line.audit, true);
    assert.equal(line.account, "SRV12\\operator");
    assert.equal(line.reason, "account");
  });

  test("an address past its limit is refused for every account, others are not", async () => {
    for (let i = 0; i < 6; i++) await logon("21", `nobody${i}`, "bad");
    assert.equal((await logon("21", "target", "right-pw")).status, 401);
    assert.equal((await logon("22", "target", "right-pw")).status, 201);
  });

  test("throttled logons take as long as ordinary failures, for known and unknown names", async () => {
    for (let i = 0; i < 3; i++) await logon("31", "timed", "bad");
    for (let i = 0; i < 3; i++) await logon("32", "phantom", "bad");

    // Interleaved, so all three kinds see the same load on a busy machine.
    const times = { ordinary: [] as number[], known: [] as number[], unknown: [] as number[] };
    const timed = async (list: number[], attempt: Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await attempt;
      list.push(Number(process.hrtime.bigint() - start) / 1e6);
    };
    for (let i = 0; i < 11; i++) {
      await timed(times.ordinary, logon(`${40 + i}`, `someone${i}`, "bad"));
      await timed(times.known, logon("33", "timed", "right-pw"));
      await timed(times.unknown, logon("34", "phantom", "bad"));
    }
    const median = (list: number[]) => list.sort((a, b) => a - b)[5]!;
    const ordinary = median(times.ordinary);
    const known = median(times.known);
    const unknown = median(times.unknown);

    // A throttle that skipped the password check would answer in a tenth of the time.
    for (const [label, ms] of [
      ["known", known],
      ["unknown", unknown],
    ] as const) {
      const ratio = ms / ordinary;
      assert.ok(ratio > 0.4 && ratio < 2.5, `${label}: ${ms} ms against ${ordinary} ms`);
    }
  });

  test("the throttle lifts once the failures leave the window: no permanent lock", async () => {
    for (let i = 0; i < 3; i++) await logon("51", "lifted", "bad");
    assert.equal((await logon("52", "lifted", "right-pw")).status, 401);

    await sleep(4_200);
    assert.equal((await logon("52", "lifted", "right-pw")).status, 201);
  });
});
