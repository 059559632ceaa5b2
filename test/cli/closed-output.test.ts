import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { spawnEmrest, tempDataDir } from "./run-emrest.js";

describe("a reader that closes the output early, as `| head -1` does", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => {
    data = await tempDataDir();
    const made = await data.emrest(["inventory", "generate", "--jobs", "3", "--seed", "x"]);
    assert.equal(made.code, 0, made.stderr);
  });
  after(() => data.remove());

  for (const args of [["inventory", "show"], ["inventory", "show", "--json"], ["--help"]]) {
    it(`ends \`emrest ${args.join(" ")}\` without a stack trace`, async () => {
      const child = spawnEmrest(args, { EMREST_DATA_DIR: data.dir, EMREST_DOMAIN: "TESTLAB" });
      child.stdout!.destroy();
      child.stdin!.end();
      let stderr = "";
      child.stderr!.on("data", (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.on("close", resolve));

      assert.doesNotMatch(stderr, /EPIPE|at .*\.ts:\d+/);
      assert.equal(code, 0, stderr);
    });
  }
});
