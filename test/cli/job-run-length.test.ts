import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, loadServeConfig } from "../../src/config.js";
import { errorLineOf, runEmrest } from "./run-emrest.js";

describe("the length of a job run started through the API", () => {
  it("follows each job's recent runs by default", () => {
    assert.equal(loadServeConfig({}, {}).jobRunLengthMs, null);
  });

  it("comes from the flag first, then the environment", () => {
    const env = { EMREST_JOB_RUN_LENGTH: "2h" };
    assert.equal(loadServeConfig({}, env).jobRunLengthMs, 7_200_000);
    assert.equal(loadServeConfig({ jobRunLength: "90s" }, env).jobRunLengthMs, 90_000);
    assert.equal(loadServeConfig({ jobRunLength: "auto" }, env).jobRunLengthMs, null);
  });

  it("refuses what is not auto or a duration from a second to a week", () => {
    for (const jobRunLength of ["0", "500ms", "8d", "200h", "soon", ""]) {
      assert.throws(() => loadServeConfig({ jobRunLength }, {}), ConfigError, jobRunLength);
    }
  });

  it("is shown with its default in serve --help, and a bad one stops serve with exit 2", async () => {
    const help = await runEmrest(["serve", "--help"]);
    assert.match(help.stdout, /--job-run-length <duration>[\s\S]{0,160}?default: auto/);

    const bad = await runEmrest(["serve", "--job-run-length", "forever"]);
    assert.equal(bad.code, 2);
    assert.match(errorLineOf(bad), /--job-run-length must be auto or a duration/);
  });
});
