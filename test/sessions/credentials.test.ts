import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { describe, it } from "node:test";
import { setImmediate as nextTurn } from "node:timers/promises";
import {
  hashing,
  hashPassword,
  verifyPassword,
  warmUpCredentials,
} from "../../src/sessions/credentials.js";

describe("password hashing", () => {
  it("hashes one password a core at once; the others wait and each gets its own answer", async () => {
    const cores = availableParallelism();
    const stored = await hashPassword("right password");
    await warmUpCredentials();

    const attempts = Array.from({ length: 2 * cores + 2 }, (_, i) => i % 2 === 0);
    const answers = Promise.all(
      attempts.map((right) => verifyPassword(stored, right ? "right password" : "wrong")),
    );
    await nextTurn();
    assert.equal(hashing.activeCount, cores);
    assert.equal(hashing.pendingCount, attempts.length - cores);

    assert.deepEqual(await answers, attempts);
    assert.equal(hashing.activeCount + hashing.pendingCount, 0);
  });

  it("counts only the cores the process may use, as taskset sets them", () => {
    const printed = execFileSync(
      "taskset",
      [
        ...["-c", "0", process.execPath, "--import", "tsx", "--input-type=module", "-e"],
        'const { hashing } = await import("./src/sessions/credentials.ts");' +
          "console.log(hashing.concurrency);",
      ],
      { encoding: "utf8" },
    );
    assert.equal(printed.trim(), "1");
  });
});
