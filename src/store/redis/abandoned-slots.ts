import type { RedisConnection } from "./connection.js";
import * as scripts from "./inventory-scripts.js";
import type { RedisKeys } from "./keys.js";

/** How long a replace renews its slot for with each chunk it writes. */
export const FILL_EXPIRY_MS = 60 * 60 * 1000;
/**
 * A slot not renewed for this long has no live writer: one renews it every chunk, a few
 * milliseconds apart. A writer stalled longer than this loses its slot, and its switch then
 * fails on the missing records instead of showing a partial inventory.
 */
export const ABANDONED_AFTER_MS = 2 * 60 * 1000;

/**
 * Deletes the keys of inventory slots that are neither current nor being filled: what loads
 * killed part way left behind. Each slot is judged and deleted in one script, so a slot that
 * a concurrent replace switches to meanwhile is never taken for abandoned.
 */
export async function dropAbandonedSlots(redis: RedisConnection, keys: RedisKeys) {
  const slots = await slotsInRedis(redis, keys);
  const fresh = String(FILL_EXPIRY_MS - ABANDONED_AFTER_MS);
  let dropped = 0;
  for (const slot of slots) {
    const args = [keys.inventorySlotPrefix, slot, fresh];
    const reply = await redis.script(scripts.DROP_ABANDONED_SLOT, [keys.inventory], args);
    dropped += Number(reply);
  }
  return dropped;
}

/** The slot ids found under the prefix, whether by their log, their bodies or both. */
async function slotsInRedis(redis: RedisConnection, keys: RedisKeys): Promise<Set<string>> {
  const prefix = keys.inventorySlotPrefix;
  const slots = new Set<string>();
  await redis.run(async (client) => {
    const MATCH = `${escapeGlob(prefix)}*`;
    for await (const batch of client.scanIterator({ MATCH, COUNT: 1000 })) {
      for (const key of batch) {
        const slot = /^(.+):(log|bodies)$/.exec(key.slice(prefix.length))?.[1];
        if (slot !== undefined) slots.add(slot);
      }
    }
  });
  return slots;
}

/** The prefix as a SCAN pattern that matches it literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, "\\$&");
}
