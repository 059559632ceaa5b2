import { randomBytes } from "node:crypto";
import { createClient } from "redis";

/** The test Redis; it keeps nothing on disk here. */
export const REDIS_URL = process.env.EMREST_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

const prefixes = new Set<string>();

function plainClient() {
  return createClient({
    url: REDIS_URL,
    socket: { connectTimeout: 2000, reconnectStrategy: false },
  });
}

/** Runs `work` with a plain client of the test server, outside any store. */
export async function withRedis<T>(
  work: (client: ReturnType<typeof plainClient>) => Promise<T>,
): Promise<T> {
  const client = plainClient();
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    client.destroy();
  }
}

/**
 * Why the Redis tests cannot run here, or undefined when they can. In CI they never skip:
 * an unreachable server must fail the run, not hide it.
 */
export async function redisSkipReason(): Promise<string | undefined> {
  try {
    await withRedis((client) => client.ping());
    return undefined;
  } catch (error) {
    if (process.env.CI === "true") return undefined;
    const { host } = new URL(REDIS_URL);
    return `Redis at ${host} is unreachable: ${(error as Error).message || error}`;
  }
}

/** A store URL with a key prefix of its own, whose keys `deleteTestKeys` removes. */
export function freshPrefixUrl(): string {
  const prefix = `emrest-test-${randomBytes(6).toString("hex")}:`;
  prefixes.add(prefix);
  const url = new URL(REDIS_URL);
  url.searchParams.set("prefix", prefix);
  return url.toString();
}

export function prefixOf(url: string): string {
  return new URL(url).searchParams.get("prefix")!;
}

/** The keys under a prefix, without it, sorted. */
export async function keysUnder(prefix: string): Promise<string[]> {
  const keys = await withRedis((client) => client.keys(`${prefix}*`));
  return keys.map((key) => key.slice(prefix.length)).sort();
}

export async function deleteTestKeys(): Promise<void> {
  await withRedis(async (client) => {
    for (const prefix of prefixes) {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length > 0) await client.unlink(keys);
    }
  });
  prefixes.clear();
}
