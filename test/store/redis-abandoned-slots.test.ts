import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

import { ABANDONED_AFTER_MS, FILL_EXPIRY_MS } from "../../src/store/redis/abandoned-slots.js";
import { RedisStore } from "../../src/store/redis/redis-store.js";
import { records } from "./contract/inventory.js";
import {
  deleteTestKeys,
  freshPrefixUrl,
  keysUnder,
  prefixOf,
  redisSkipReason,
  withRedis,
} from "./redis-server.js";

after(deleteTestKeys);

/**
 * Writes a slot's keys as a load would have left them: `msToLive` is what is left of their
 * expiry, or undefined for keys without one.
 */
async function leaveSlot(prefix: string, slot: string, msToLive: number | undefined) {
  const [log, bodies] = [`${prefix}inventory:${slot}:log`, `${prefix}inventory:${slot}:bodies`];
  await withRedis(async (client) => {
    await client.zAdd(log, { score: 1, value: "jobs:partial" });
    await client.hSet(bodies, "jobs:partial", "{}");
    if (msToLive !== undefined) {
      await client.pExpire(log, msToLive);
      await client.pExpire(bodies, msToLive);
    }
  });
}

const slotsIn = async (prefix: string) =>
  (await keysUnder(prefix)).filter((key) => /^inventory:.+:(log|bodies)$/.test(key));

describe("a Redis inventory replace", { skip: await redisSkipReason() }, () => {
  it("deletes the slots that killed loads left, and keeps one another load is filling", async () => {
    const url = freshPrefixUrl();
    const prefix = prefixOf(url);
    const store = new RedisStore(url);
    await store.migrate();
    try {
      await store.replaceInventory(records("jobs", 3));
      // Killed a while ago: its writer stopped renewing the expiry.
      await leaveSlot(prefix, "killed", FILL_EXPIRY_MS - ABANDONED_AFTER_MS - 60_000);
      // Torn before its expiry was set, as an older emrest could leave it.
      await leaveSlot(prefix, "torn", undefined);
      // Renewed just now: another load is filling it.
      await leaveSlot(prefix, "filling", FILL_EXPIRY_MS);

      await store.replaceInventory(records("jobs", 2));

      const current = await withRedis((client) => client.hGet(`${prefix}inventory`, "slot"));
      assert.deepEqual(
        await slotsIn(prefix),
        [
          `inventory:${current}:bodies`,
          `inventory:${current}:log`,
          "inventory:filling:bodies",
          "inventory:filling:log",
        ].sort(),
      );
      const read = await store.readInventory({ generation: 0, revision: 0 });
      assert.equal(read.records.length, 2, "the new inventory is whole");
    } finally {
      await store.close();
    }
  });
});
