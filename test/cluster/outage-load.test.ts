import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import { runScenario, type ScenarioResult } from "./load/scenario.js";
import { PHASES } from "./load/timeline.js";
import { PrivatePostgres } from "./private-postgres.js";
import { PrivateRedis } from "./private-redis.js";

/** In CI a missing server program fails the run instead of skipping it. */
function skipUnlessCi(reason: string | undefined): string | undefined {
  return process.env.CI === "true" ? undefined : reason;
}

/** Each timed phase saw at least this many requests, so each was really tried. */
const LEAST_PER_PHASE = 20;

function check(t: TestContext, result: ScenarioResult): void {
  const { ledger, summary } = result;
  for (const line of summary.split("\n")) t.diagnostic(line);

  assert.deepEqual(ledger.failures, [], `${ledger.failureCount} failures`);
  // "store back" lasts only until every node has logged on again, often under 100 ms.
  for (const phase of PHASES.filter((p) => p !== "store back")) {
    const seen = [...(ledger.counts.get(phase)?.values() ?? [])].reduce((a, b) => a + b, 0);
    assert.ok(seen >= LEAST_PER_PHASE, `only ${seen} requests while "${phase}"`);
  }
  const outage = ledger.counts.get("store down")!;
  const unavailable = [...outage].filter(([key]) => key.endsWith(" 503"));
  assert.ok(unavailable.length > 0, "the load saw no 503 while the store was down");
  assert.ok(ledger.live.size > 0 && ledger.deleted.length > 0, "the load kept and ended sessions");
}

describe("emrest nodes under load through a node crash and a store crash", () => {
  it(
    "three nodes on one PostgreSQL lose no acknowledged session and revive none",
    { skip: skipUnlessCi(PrivatePostgres.unavailableReason()), timeout: 180_000 },
    async (t) => {
      const server = await PrivatePostgres.start();
      try {
        const store = {
          name: "PostgreSQL",
          url: (schema: string) => server.url(schema),
          crash: () => server.crash(),
          start: () => server.start(),
        };
        check(t, await runScenario(store, 3, (line) => console.log(line)));
      } finally {
        await server.remove();
      }
    },
  );

  it(
    "two nodes on one Redis (appendonly yes, appendfsync always) lose none and revive none",
    { skip: skipUnlessCi(PrivateRedis.unavailableReason()), timeout: 180_000 },
    async (t) => {
      const server = await PrivateRedis.start();
      try {
        const store = {
          name: "Redis",
          url: (prefix: string) => server.url(`${prefix}:`),
          crash: () => server.crash(),
          start: () => server.start(),
        };
        check(t, await runScenario(store, 2, (line) => console.log(line)));
      } finally {
        await server.remove();
      }
    },
  );
});
