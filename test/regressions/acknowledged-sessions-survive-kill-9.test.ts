import assert from "node:assert/strict";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { basic, send } from "../helpers/client.js";
import { tempDataDir } from "../cli/run-emrest.js";
import { startServe, type ServeProcess } from "../cli/serve-process.js";
import { parseXml } from "../helpers/xml.js";

const PASSWORD = "st0rm-pw";
const WORKERS = 6;

/** What the clients were told: sessions acknowledged with 201, and with 204 on logout. */
interface Acknowledged {
  live: Map<string, string>;
  deleted: Set<string>;
}

/**
 * One client of the storm: logs on, logs out one of the sessions it was given, reads, over
 * and over. A session whose logout was in flight when the server died is known to no one:
 * it is dropped from both sets.
 */
async function worker(url: string, acked: Acknowledged, stopped: () => boolean) {
  const mine: [string, string][] = [];
  while (!stopped()) {
    try {
      if (mine.length > 0 && Math.random() < 0.4) {
        const [token, id] = mine.splice(Math.floor(Math.random() * mine.length), 1)[0]!;
        acked.live.delete(token);
        const reply = await send(`${url}logonSessions/${id}`, {
          method: "DELETE",
          headers: { "x-restsvcsessionid": token },
        });
        if (reply.status === 204) acked.deleted.add(token);
      } else {
        const reply = await send(`${url}sessionMngr/?v=latest`, {
          method: "POST",
          headers: { authorization: basic("Administrator", PASSWORD) },
        });
        if (reply.status !== 201) continue;
        const token = String(reply.headers["x-restsvcsessionid"]);
        acked.live.set(token, parseXml(reply.body).LogonSession.SessionId);
        mine.push([token, acked.live.get(token)!]);
      }
    } catch {
      // The server died under this request: its outcome was never acknowledged.
    }
  }
}

/** Runs the storm until enough was acknowledged, then kills the server with SIGKILL. */
async function stormThenKill(served: ServeProcess, acked: Acknowledged) {
  let stopped = false;
  const workers = Array.from({ length: WORKERS }, () => worker(served.url, acked, () => stopped));
  const target = { live: acked.live.size + 60, deleted: acked.deleted.size + 20 };
  const deadline = Date.now() + 15_000;
  while (
    (acked.live.size < target.live || acked.deleted.size < target.deleted) &&
    Date.now() < deadline
  ) {
    await sleep(50);
  }

  served.child.kill("SIGKILL");
  assert.equal(await served.exited, "SIGKILL");
  stopped = true;
  await Promise.all(workers);
}

describe("kill -9 in the middle of a logon and logout storm", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => (data = await tempDataDir()));
  after(() => data.remove());

  it("keeps every session acknowledged with 201 and loses every one acknowledged with 204", async () => {
    const acked: Acknowledged = { live: new Map(), deleted: new Set() };
    const flags = ["--admin-password", PASSWORD];

    for (let round = 0; round < 2; round++) {
      await stormThenKill(await startServe(data.dir, flags), acked);
    }
    // A storm worth the name: logouts in flight at a kill leave fewer live than were opened.
    const storm = `${acked.live.size} live, ${acked.deleted.size} logged out`;
    assert.ok(acked.live.size >= 60 && acked.deleted.size >= 30, storm);

    const restarted = await startServe(data.dir, flags);
    try {
      const check = async (token: string) =>
        (await send(`${restarted.url}logonSessions`, { headers: { "x-restsvcsessionid": token } }))
          .status;
      for (const token of acked.live.keys())
        assert.equal(await check(token), 200, "a 201 was lost");
      for (const token of acked.deleted) assert.equal(await check(token), 401, "a 204 came back");
    } finally {
      restarted.child.kill("SIGTERM");
      assert.equal(await restarted.exited, 0);
    }

    const db = new Database(join(data.dir, "emrest.db"), { readonly: true });
    assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
    db.close();
  });
});
