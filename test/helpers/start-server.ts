import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { loadServeConfig, type ServeFlags } from "../../src/config.js";
import { startServer } from "../../src/http/server.js";
import type { InventorySource } from "../../src/inventory/inventory-source.js";
import type { Inventory } from "../../src/inventory/model.js";
import { hashPassword } from "../../src/sessions/credentials.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import type { Role, Store } from "../../src/store/store.js";
import { basic, send, type Reply, type RequestOptions } from "./client.js";

export interface TestServer {
  /** `http://127.0.0.1:PORT` and `https://127.0.0.1:PORT`, without `/api/`. */
  http: string;
  https: string;
  store: Store;
  /** The server's copy of the inventory, as its handlers see it. */
  inventory: InventorySource;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  addAccount(name: string, password: string, role?: Role): Promise<void>;
  addTenant(name: string, password: string): Promise<void>;
  /** Logs on over HTTP and returns the reply with its token. */
  logon(userName: string, password: string, path?: string): Promise<Reply & { token: string }>;
  request(url: string, options?: RequestOptions): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * Starts emrest on free ports (HTTP and HTTPS) over the given store, memory by default, with
 * the local domain `SRV12`. The given inventory is written to a store that has none and read
 * back from it, as every node reads its inventory. Flags are those of `emrest serve`.
 */
export async function startTestServer(
  options: {
    store?: Store;
    flags?: ServeFlags;
    keepStore?: boolean;
    /** Written to a store that never had an inventory when the server starts; none by default. */
    inventory?: Inventory;
    /** How often the server checks the store for inventory changes; about a second by default. */
    inventoryCheckEveryMs?: number;
  } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "emrest-test-"));
  const config = loadServeConfig(
    { dataDir, httpsPort: "0", httpPort: "0", domain: "SRV12", ...options.flags },
    {},
  );
  const store = options.store ?? new MemoryStore();
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean))
        logs.push(JSON.parse(line));
      done();
    },
  });

  const seed = options.inventory;
  const running = await startServer(config, {
    store,
    logger: pino({ level: "info" }, sink),
    inventorySeed: seed && (() => seed),
    inventoryCheckEveryMs: options.inventoryCheckEveryMs,
  });
  const https = running.urls.find((url) => url.startsWith("https:"))!.replace(/\/api\/$/, "");
  const http = running.urls.find((url) => url.startsWith("http:"))!.replace(/\/api\/$/, "");

  return {
    http,
    https,
    store,
    inventory: running.inventory,
    logs,
    async addAccount(name, password, role = "PortalAdministrator") {
      const [domain, user] = name.includes("\\") ? name.split("\\") : ["SRV12", name];
      await store.addAccount({
        domain: domain!,
        name: user!,
        role,
        passwordHash: await hashPassword(password),
      });
    },
    async addTenant(name, password) {
      await store.addTenant({ name, passwordHash: await hashPassword(password) });
    },
    async logon(userName, password, path = "/api/sessionMngr/?v=latest") {
      const reply = await send(`${http}${path}`, {
        method: "POST",
        headers: { authorization: basic(userName, password) },
      });
      return { ...reply, token: String(reply.headers["x-restsvcsessionid"] ?? "") };
    },
    request: send,
    async close() {
      await running.close();
      if (!options.keepStore) await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
