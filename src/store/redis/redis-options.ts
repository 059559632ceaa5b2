import type { RedisClientOptions } from "redis";
import { ConfigError } from "../../config.js";

/** Keys start with this unless the URL says otherwise. */
const DEFAULT_PREFIX = "emrest:";
/** A server that does not accept the connection in this time counts as down. */
const CONNECT_TIMEOUT_MS = 2000;
/** A command the server has not answered in this time fails, sent or not. */
const COMMAND_TIMEOUT_MS = 3000;
/** Reconnect attempts back off from 100 ms to this, and go on for as long as it takes. */
const MAX_RECONNECT_DELAY_MS = 2000;

export interface RedisOptions {
  client: RedisClientOptions;
  prefix: string;
  /** The URL without credentials, for messages. */
  where: string;
}

/**
 * Reads a `redis://` (or `rediss://`) URL: host, port, `/DB` number and credentials as
 * Redis clients usually take them, plus `?prefix=TEXT`, put before every key (default
 * `emrest:`), so several installations or test runs can share one Redis database.
 */
export function readRedisUrl(url: string): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("The Redis store URL is not a valid URL.");
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ConfigError(`The Redis store URL must start with redis:// or rediss://.`);
  }

  const prefix = parsed.searchParams.get("prefix") ?? DEFAULT_PREFIX;
  parsed.searchParams.delete("prefix");
  const where = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;

  const client: RedisClientOptions = {
    url: parsed.toString(),
    // Fail at once while disconnected instead of queueing until the server returns.
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS, rejectInFlight: true },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS),
    },
  };
  return { client, prefix, where };
}
