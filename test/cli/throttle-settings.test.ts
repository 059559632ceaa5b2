import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadServeConfig } from "../../src/config.js";
import { errorLineOf, runEmrest } from "./run-emrest.js";

describe("the logon throttle's settings", () => {
  it("default to 10 failures per name and 50 per address in 5 minutes", () => {
    assert.deepEqual(loadServeConfig({}, {}).throttle, {
      accountFailures: 10,
      addressFailures: 50,
      windowMs: 300_000,
    });
  });

  it("come from flags first, then the environment, and 0 switches a limit off", () => {
    const env = {
      EMREST_MAX_ACCOUNT_FAILURES: "3",
      EMREST_MAX_ADDRESS_FAILURES: "0",
      EMREST_FAILURE_WINDOW: "1h",
    };
    assert.deepEqual(loadServeConfig({ maxAccountFailures: "7" }, env).throttle, {
      accountFailures: 7,
      addressFailures: 0,
      windowMs: 3_600_000,
    });
  });

  it("refuse a value that is not a count or a duration", () => {
    for (const flags of [
      { maxAccountFailures: "ten" },
      { maxAddressFailures: "-1" },
      { maxAddressFailures: "100000" },
      { failureWindow: "0" },
      { failureWindow: "soon" },
    ]) {
      assert.throws(() => loadServeConfig(flags, {}), ConfigError, JSON.stringify(flags));
    }
  });

  it("are shown with their defaults in serve --help, and a bad one stops serve with exit 2", async () => {
    const help = await runEmrest(["serve", "--help"]);
    assert.match(help.stdout, /--max-account-failures <n>[\s\S]{0,140}?default: 10/);
    assert.match(help.stdout, /--max-address-failures <n>[\s\S]{0,140}?default: 50/);
    assert.match(help.stdout, /--failure-window <duration>[\s\S]{0,140}?default: 5m/);

    const bad = await runEmrest(["serve", "--max-account-failures", "lots"]);
    assert.equal(bad.code, 2);
    assert.match(errorLineOf(bad), /--max-account-failures must be a whole number/);
  });
});
