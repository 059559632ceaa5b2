import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

import { adminQuery, POSTGRES_URL, schemaOf, withParams } from "./postgres-server.js";

/** A store URL whose connections carry a name of their own, so a test can watch them. */
export function namedUrl(url: string): { url: string; application: string } {
  const application = `emrest-test-${randomBytes(4).toString("hex")}`;
  return { url: withParams(url, { application_name: application }), application };
}

/**
 * Locks one session row in a transaction of its own, as a logout, a removal or another node's
 * slide holds it while it runs; `release` commits.
 */
export async function holdSessionRow(
  url: string,
  keyHash: Buffer,
): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  await client.connect();
  await client.query("BEGIN");
  await client.query(
    `SELECT 1 FROM "${schemaOf(url)}".sessions WHERE key_hash = $1 FOR NO KEY UPDATE`,
    [keyHash],
  );
  return {
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/**
 * Resolves once every call has settled or a connection named `application` waits for a row
 * lock, whichever comes first (at most `limit` ms), so a test can order what comes next.
 */
export async function settledOrWaiting(
  calls: Promise<unknown>[],
  application: string,
  limit = 3000,
): Promise<void> {
  let settled = false;
  void Promise.allSettled(calls).then(() => (settled = true));

  const start = Date.now();
  while (!settled && Date.now() - start < limit) {
    const waiting = await adminQuery(
      "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
      [application],
    );
    if (waiting.length > 0) return;
    await sleep(20);
  }
}
