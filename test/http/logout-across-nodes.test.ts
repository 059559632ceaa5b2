import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { PostgresStore } from "../../src/store/postgres/postgres-store.js";
import { send } from "../helpers/client.js";
import { viaPort } from "../helpers/outage.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { parseXml } from "../helpers/xml.js";
import {
  dropTestSchemas,
  freshSchemaUrl,
  POSTGRES_URL,
  postgresSkipReason,
} from "../store/postgres-server.js";

// On PostgreSQL a node reads sessions in batches, one SELECT per event-loop turn, so while it
// is busy with a session some read of it is nearly always in flight. A request sent after a
// logout has returned must still be judged by a read made after the logout, never by one of
// those. Node B's answers from the database come 100 ms late, so a read made before the
// logout is still on its way when the next requests arrive: a lookup that joined it would
// answer them with 200.

/** A request goes this often, whether or not earlier ones have been answered. */
const EVERY_MS = 10;
const ROUNDS = 3;
const REPLY_DELAY_MS = 100;

interface Sent {
  at: number;
  status: number;
}

/** Reads the current session on `node` every `EVERY_MS` until `stop()`. */
function keepReading(node: TestServer, token: string): { stop: () => Promise<Sent[]> } {
  const replies: Promise<Sent>[] = [];
  const read = () => {
    const at = performance.now();
    const headers = { "x-restsvcsessionid": token };
    const reply = send(`${node.http}/api/logonSessions`, { headers });
    replies.push(reply.then(({ status }) => ({ at, status })));
  };
  const timer = setInterval(read, EVERY_MS);
  return {
    stop: async () => {
      clearInterval(timer);
      return await Promise.all(replies);
    },
  };
}

const server = new URL(POSTGRES_URL);
const skip = await postgresSkipReason();

describe("a logout on one of two servers sharing one PostgreSQL store", { skip }, () => {
  let proxy: TcpProxy;
  let nodes: TestServer[] = [];

  before(async () => {
    const url = freshSchemaUrl();
    const near = new PostgresStore(url);
    await near.migrate();
    const target = { host: server.hostname, port: Number(server.port || 5432) };
    proxy = new TcpProxy(target, { replyDelayMs: REPLY_DELAY_MS });
    await proxy.start();
    const far = new PostgresStore(viaPort(url, proxy.port));
    nodes = [await startTestServer({ store: near }), await startTestServer({ store: far })];
    await nodes[0]!.addAccount("SRV12\\alice", "a");
  });

  after(async () => {
    await Promise.all(nodes.map((node) => node.close()));
    await proxy?.stop();
    await dropTestSchemas();
  });

  it("ends the session for every request sent after it, on a server busy with it", async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const logon = await nodes[0]!.logon("alice", "a");
      const id = parseXml(logon.body).LogonSession.SessionId as string;
      const reading = keepReading(nodes[1]!, logon.token);
      await sleep(2 * REPLY_DELAY_MS);

      const logout = await send(`${nodes[0]!.http}/api/logonSessions/${id}`, {
        method: "DELETE",
        headers: { "x-restsvcsessionid": logon.token },
      });
      const loggedOut = performance.now();
      assert.equal(logout.status, 204, logout.body);
      await sleep(4 * REPLY_DELAY_MS);
      const sent = await reading.stop();

      const before = sent.filter((request) => request.at < loggedOut);
      const later = sent.filter((request) => request.at > loggedOut);
      assert.ok(
        before.some((request) => request.status === 200),
        `round ${round}: never read`,
      );
      assert.ok(later.length >= 10, `round ${round}: ${later.length} requests after`);
      const answered = later.filter((request) => request.status !== 401);
      assert.deepEqual(answered, [], `round ${round}: answered after the logout returned`);
    }
  });
});
