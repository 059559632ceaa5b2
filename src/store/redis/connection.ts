import { createClient } from "redis";
import { StoreUnavailable } from "../store.js";
import type { RedisOptions } from "./redis-options.js";
import type { Script } from "./scripts.js";

export type RedisClient = ReturnType<typeof createClient>;
type Client = RedisClient;

/** How long a call waits for the first connection attempt before it gives up. */
const FIRST_CONNECT_WAIT_MS = 2500;

/**
 * One node-redis client that connects on first use and reconnects by itself for as long as
 * the store is open. While it is disconnected every call fails at once with
 * `StoreUnavailable` (the offline queue is off). Only the outcome of the very first attempt
 * is waited for, so the first calls of a store just opened do not fail for want of a
 * handshake; once an attempt has failed, calls fail at once until a connection is up.
 */
export class RedisConnection {
  readonly #client: Client;
  readonly #where: string;
  #opening: Promise<void> | undefined;
  /** Settles when the first attempt to connect has succeeded or failed. */
  readonly #firstOutcome: Promise<void>;
  #closed = false;
  #lastError: Error | undefined;

  constructor(options: RedisOptions) {
    this.#where = options.where;
    this.#client = createClient(options.client);
    // A dropped connection is reported here and retried; without a listener the process
    // would crash. The latest reason goes into the next StoreUnavailable message.
    this.#client.on("error", (error: Error) => (this.#lastError = error));
    this.#firstOutcome = new Promise((resolve) => {
      this.#client.once("ready", resolve);
      this.#client.once("error", resolve);
    });
  }

  /** Runs `work` with a ready client; any failure of Redis becomes `StoreUnavailable`. */
  async run<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.#ready();
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof StoreUnavailable) throw error;
      throw new StoreUnavailable(`Redis at ${this.#where}: ${messageOf(error)}`, { cause: error });
    }
  }

  /** Runs a Lua script by its SHA-1, sending its source only when the server lacks it. */
  async script(script: Script, keys: string[], args: string[]): Promise<unknown> {
    return this.run(async (client) => {
      try {
        return await client.evalSha(script.sha, { keys, arguments: args });
      } catch (error) {
        if (!messageOf(error).startsWith("NOSCRIPT")) throw error;
        return await client.eval(script.source, { keys, arguments: args });
      }
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (!this.#client.isOpen) return;
    if (this.#client.isReady) await this.#client.close();
    else this.#client.destroy();
  }

  async #ready(): Promise<Client> {
    if (this.#closed) throw new StoreUnavailable(`The Redis store is closed.`);
    // connect() settles on the first success; it keeps retrying in the background till then.
    this.#opening ??= this.#client.connect().then(
      () => undefined,
      (error: Error) => void (this.#lastError = error),
    );
    if (!this.#client.isReady) await waitAtMost(this.#firstOutcome, FIRST_CONNECT_WAIT_MS);
    if (this.#client.isReady) return this.#client;

    const reason = this.#lastError ? `: ${messageOf(this.#lastError)}` : "";
    throw new StoreUnavailable(`Redis at ${this.#where} is not reachable${reason}`, {
      cause: this.#lastError,
    });
  }
}

async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
