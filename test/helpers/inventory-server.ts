/**
 * A test server showing the hand-written fixture inventory, with an administrator logged on:
 * `json(path)` and `xml(path)` GET a path under `/api/` with the session token.
 */
import type { ServeFlags } from "../../src/config.js";
import type { Inventory } from "../../src/inventory/model.js";
import type { Reply } from "./client.js";
import { fixtureInventory } from "./inventory-fixture.js";
import { startTestServer, type TestServer } from "./start-server.js";

export interface InventoryServer {
  server: TestServer;
  token: string;
  /** `http://127.0.0.1:PORT/api/` */
  api: string;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  /** GETs with `Accept: application/json` and parses the body (status must be 200). */
  json(path: string): Promise<any>;
  xml(path: string): Promise<Reply>;
  close(): Promise<void>;
}

/** `flags` as for `emrest serve`, e.g. `{ jsonCasing: "camel" }`. */
export async function startInventoryServer(
  inventory: Inventory = fixtureInventory(),
  flags: ServeFlags = {},
): Promise<InventoryServer> {
  const server = await startTestServer({ inventory, flags });
  await server.addAccount("admin", "secret");
  const { token } = await server.logon("admin", "secret");
  const api = `${server.http}/api/`;

  const get = (path: string, headers: Record<string, string> = {}) =>
    server.request(path.startsWith("http") ? path : api + path, {
      headers: { "x-restsvcsessionid": token, ...headers },
    });

  return {
    server,
    token,
    api,
    get,
    async json(path) {
      const reply = await get(path, { accept: "application/json" });
      if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${reply.body}`);
      return JSON.parse(reply.body);
    },
    xml: (path) => get(path),
    close: () => server.close(),
  };
}
