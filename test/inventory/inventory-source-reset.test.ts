import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import pino from "pino";

import { InventorySource } from "../../src/inventory/inventory-source.js";
import { RedisStore } from "../../src/store/redis/redis-store.js";
import {
  deleteTestKeys,
  freshPrefixUrl,
  prefixOf,
  redisSkipReason,
  withRedis,
} from "../store/redis-server.js";

const JOB = "11111111-0000-4000-8000-000000000001";
const CHECK_MS = 20;

after(deleteTestKeys);

/** A logger whose lines land in `lines`, parsed. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { logger: pino({ level: "info" }, sink), lines };
}

/** What Redis restarted without persistence shows: none of the prefix's keys. */
async function wipe(prefix: string): Promise<void> {
  await withRedis(async (client) => {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(keys);
  });
}

const said = (lines: Record<string, unknown>[], pattern: RegExp) =>
  lines.filter((line) => pattern.test(String(line.msg)));

describe("an inventory source whose Redis is wiped", { skip: await redisSkipReason() }, () => {
  it("reads the emptied store once, warns once, and then checks as before", async () => {
    const url = freshPrefixUrl();
    const store = new RedisStore(url);
    await store.migrate();
    await store.replaceInventory([{ kind: "jobs", id: JOB, body: `{"name":"Daily"}` }]);
    const { logger, lines } = capturingLogger();
    const source = new InventorySource({ store, logger, checkEveryMs: CHECK_MS });
    try {
      await source.start();
      assert.equal(source.view().all("jobs").length, 1);
      const readsBefore = said(lines, /read the whole inventory/).length;

      await wipe(prefixOf(url));
      await sleep(15 * CHECK_MS);

      assert.deepEqual(source.view().all("jobs"), [], "it serves what the store holds now");
      assert.equal(said(lines, /read the whole inventory/).length, readsBefore + 1);
      const warnings = lines.filter((line) => line.level === 40);
      assert.equal(warnings.length, 1, "one warning over many checks");
      assert.match(String(warnings[0].msg), /reset or emptied/);

      await store.putInventoryRecords([{ kind: "jobs", id: JOB, body: `{"name":"Again"}` }]);
      await sleep(5 * CHECK_MS);
      assert.deepEqual(
        source
          .view()
          .all("jobs")
          .map((job) => job.name),
        ["Again"],
      );
    } finally {
      source.close();
      await store.close();
    }
  });
});
