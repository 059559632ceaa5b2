import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { FailureWindow } from "../../src/sessions/failure-window.js";
import { LogonThrottle } from "../../src/sessions/throttle.js";

const MINUTE = 60_000;

describe("LogonThrottle", () => {
  let now: number;
  let throttle: LogonThrottle;
  beforeEach(() => {
    now = 1_700_000_000_000;
    throttle = new LogonThrottle(
      { accountFailures: 3, addressFailures: 5, windowMs: 5 * MINUTE },
      () => now,
    );
  });

  const fail = (principal: string, address: string, times: number) => {
    for (let i = 0; i < times; i++) throttle.recordFailure({ principal, address });
  };

  test("refuses a name after its limit of failures, from any address", () => {
    fail("account:srv12\\admin", "10.0.0.1", 2);
    assert.equal(
      throttle.refusal({ principal: "account:srv12\\admin", address: "10.0.0.9" }),
      undefined,
    );

    fail("account:srv12\\admin", "10.0.0.2", 1);
    assert.equal(
      throttle.refusal({ principal: "account:srv12\\admin", address: "10.0.0.9" }),
      "account",
    );
    assert.equal(
      throttle.refusal({ principal: "account:srv12\\other", address: "10.0.0.9" }),
      undefined,
    );
  });

  test("refuses an address after its limit, whatever name it tries next", () => {
    for (let i = 0; i < 5; i++) fail(`account:srv12\\user${i}`, "10.0.0.1", 1);
    assert.equal(
      throttle.refusal({ principal: "account:srv12\\fresh", address: "10.0.0.1" }),
      "address",
    );
    assert.equal(
      throttle.refusal({ principal: "account:srv12\\fresh", address: "10.0.0.2" }),
      undefined,
    );
  });

  test("the window slides: a refusal lifts once the oldest failure is older than the window", () => {
    fail("account:a\\b", "10.0.0.1", 1);
    now += 2 * MINUTE;
    fail("account:a\\b", "10.0.0.1", 2);
    assert.equal(throttle.refusal({ principal: "account:a\\b" }), "account");

    now += 3 * MINUTE;
    assert.equal(throttle.refusal({ principal: "account:a\\b" }), undefined);
    fail("account:a\\b", "10.0.0.1", 1);
    assert.equal(throttle.refusal({ principal: "account:a\\b" }), "account");
  });

  test("a success clears the name's failures but not the address's", () => {
    fail("account:a\\b", "10.0.0.1", 2);
    throttle.recordSuccess({ principal: "account:a\\b", address: "10.0.0.1" });
    fail("account:a\\b", "10.0.0.1", 2);
    assert.equal(throttle.refusal({ principal: "account:a\\b" }), undefined);
    assert.equal(throttle.refusal({ principal: "account:x\\y", address: "10.0.0.1" }), undefined);
    fail("account:x\\y", "10.0.0.1", 1);
    assert.equal(throttle.refusal({ principal: "account:q\\r", address: "10.0.0.1" }), "address");
  });

  test("IPv6 addresses count by their /64, and IPv4-mapped ones as IPv4", () => {
    fail("account:a\\1", "2001:db8:0:1::1", 2);
    fail("account:a\\2", "2001:db8::1:0:0:0:7", 2);
    fail("account:a\\3", "2001:0db8:0000:0001:ffff::9%eth0", 1);
    assert.equal(
      throttle.refusal({ principal: "account:a\\4", address: "2001:db8:0:1::5" }),
      "address",
    );
    assert.equal(
      throttle.refusal({ principal: "account:a\\4", address: "2001:db8:0:2::5" }),
      undefined,
    );

    fail("account:b\\1", "::ffff:192.0.2.7", 5);
    assert.equal(throttle.refusal({ principal: "account:b\\2", address: "192.0.2.7" }), "address");
  });

  test("a limit of 0 never refuses", () => {
    throttle = new LogonThrottle({ accountFailures: 0, addressFailures: 0, windowMs: MINUTE });
    fail("account:a\\b", "10.0.0.1", 1000);
    assert.equal(throttle.refusal({ principal: "account:a\\b", address: "10.0.0.1" }), undefined);
  });
});

describe("FailureWindow", () => {
  test("holds at most its capacity of keys, dropping the stalest", () => {
    const window = new FailureWindow(2, MINUTE, 100);
    for (let i = 0; i < 10_000; i++) window.record(`key${i}`, i);
    assert.equal(window.size, 100);
    window.record("key9999", 10_000);
    assert.equal(window.isFull("key9999", 10_001), true);
    assert.equal(window.isFull("key0", 10_001), false);
  });

  test("keeps at most `limit` instants a key, however many failures arrive", () => {
    const window = new FailureWindow(3, MINUTE, 10);
    for (let i = 0; i < 1000; i++) window.record("k", i);
    assert.equal(window.isFull("k", 1000), true);
    // Only the last three (997-999) are held, so the key is free once they leave.
    assert.equal(window.isFull("k", 999 + MINUTE), false);
  });

  test("forgets a key once all its failures have left the window", () => {
    const window = new FailureWindow(3, MINUTE, 10);
    window.record("k", 0);
    assert.equal(window.isFull("k", MINUTE + 1), false);
    assert.equal(window.size, 0);
  });
});
