import assert from "node:assert/strict";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

import { StoreUnavailable, type Store } from "../../src/store/store.js";

/** Awaits `call`, asserting it rejects with StoreUnavailable within `limit` ms. */
export async function rejectsQuickly(call: () => Promise<unknown>, limit: number): Promise<void> {
  const start = Date.now();
  await assert.rejects(call(), StoreUnavailable);
  const took = Date.now() - start;
  assert.ok(took < limit, `took ${took} ms, more than ${limit}`);
}

/** Calls `call` until it succeeds, for at most `limit` ms. */
export async function eventually<T>(call: () => Promise<T>, limit = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (Date.now() - start > limit) throw error;
      await sleep(100);
    }
  }
}

/** A server's URL with its host and port replaced by 127.0.0.1 and `port`. */
export function viaPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = "127.0.0.1";
  parsed.port = String(port);
  return parsed.toString();
}

/** A store opened on a server's URL with its port replaced, handed to `check`, then closed. */
export async function withStoreAt<S extends Store>(
  open: (url: string) => S,
  url: string,
  port: number,
  check: (store: S) => Promise<void>,
): Promise<void> {
  const store = open(viaPort(url, port));
  try {
    await check(store);
  } finally {
    await store.close();
  }
}

/** A loopback port where connections are accepted and never answered, for `use`. */
export async function withSilentServer(use: (port: number) => Promise<void>): Promise<void> {
  const silent = net.createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  try {
    await use((silent.address() as net.AddressInfo).port);
  } finally {
    silent.close();
  }
}
