import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { TASK_SETTLE_MS } from "../../src/actions/job-actions.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import type { InventoryRecord, InventoryState } from "../../src/store/store.js";
import { actionSite, NIGHTLY } from "../actions/action-site.js";
import { send } from "../helpers/client.js";
import { sharedStoreKinds, type SharedPlace } from "../helpers/shared-stores.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

// A tester sent ten starts of one job at once, split over two nodes on one store, and saw two
// runs of it Working: each node decided on its own view, which lags the store by up to the
// check interval (a second), and neither saw the other's run.

const ROUNDS = 4;
const STARTS = 10;

/** Long enough for every task to finish and for each node to read the other's writes. */
const SETTLED_MS = TASK_SETTLE_MS + 1200;

async function startNode(place: SharedPlace): Promise<TestServer> {
  return await startTestServer({
    store: await place.open(),
    inventory: actionSite(Date.now()),
    flags: { jobRunLength: "1h" },
  });
}

for (const kind of await sharedStoreKinds()) {
  describe(`job actions on two servers sharing one ${kind.name} store`, { skip: kind.skip }, () => {
    const place = kind.place();
    let nodes: TestServer[];
    let headers: Record<string, string>;

    before(async () => {
      nodes = await Promise.all([startNode(place), startNode(place)]);
      await nodes[0].addAccount("SRV12\\alice", "a");
      // Logon sessions live in the store: the one token serves on both nodes.
      const { token } = await nodes[0].logon("alice", "a");
      headers = { "x-restsvcsessionid": token, accept: "application/json" };
    });

    after(async () => {
      await Promise.all(nodes.map((node) => node.close()));
      await place.remove();
    });

    const post = (node: TestServer, path: string) =>
      send(`${node.http}/api/${path}`, { method: "POST", headers });
    const getJson = async (url: string) => {
      const reply = await send(url, { headers });
      assert.equal(reply.status, 200, reply.body);
      return JSON.parse(reply.body);
    };

    /** The UIDs of the job's runs a node lists as Working. */
    const workingRuns = async (node: TestServer): Promise<string[]> => {
      const { BackupJobSessions } = await getJson(`${node.http}/api/backupSessions?format=Entity`);
      return BackupJobSessions.filter(
        (run: { JobUid: string; State: string }) =>
          run.JobUid.endsWith(NIGHTLY) && run.State === "Working",
      ).map((run: { UID: string }) => run.UID);
    };

    /** Sends the starts together, half to each node, and gives each task's result message. */
    async function startsTogether(): Promise<string[]> {
      const replies = await Promise.all(
        Array.from({ length: STARTS }, (_, i) =>
          post(nodes[i % 2], `jobs/${NIGHTLY}?action=start`),
        ),
      );
      for (const reply of replies) assert.equal(reply.status, 202, reply.body);

      await sleep(SETTLED_MS);
      const tasks = replies.map((reply) => getJson(JSON.parse(reply.body).Href));
      return (await Promise.all(tasks)).map((task) => task.Result.Message);
    }

    it("starts one run per round of simultaneous starts; every other start says it is running", async () => {
      for (let round = 1; round <= ROUNDS; round++) {
        const messages = await startsTogether();

        const started = messages.filter((message) => message === 'Job "Nightly" started.');
        const refused = messages.filter(
          (message) => message === 'Job "Nightly" is already running.',
        );
        assert.equal(started.length, 1, `round ${round}: ${messages.join(" | ")}`);
        assert.equal(refused.length, STARTS - 1, `round ${round}: ${messages.join(" | ")}`);
        const working = await Promise.all(nodes.map(workingRuns));
        assert.equal(working[0].length, 1, `round ${round}: runs Working ${working[0]}`);
        assert.deepEqual(working[1], working[0], `round ${round}: both nodes list the one run`);

        // The next round starts a job that is stopped again, through the other node.
        const stop = await post(nodes[round % 2], `jobs/${NIGHTLY}?action=stop`);
        assert.equal(stop.status, 202, stop.body);
      }
    });
  });
}

// Another node that writes between every reading and every write of this one: each try of
// the action finds the store moved on.
class AlwaysOvertakenStore extends MemoryStore {
  override async putInventoryRecordsIfUnchanged(records: InventoryRecord[], seen: InventoryState) {
    const body = JSON.stringify({ id: "elsewhere", at: Date.now() });
    await this.putInventoryRecords([{ kind: "tasks", id: "elsewhere", body }]);
    return await super.putInventoryRecordsIfUnchanged(records, seen);
  }
}

describe("a job action that other nodes' writes keep overtaking", () => {
  let node: TestServer;
  let headers: Record<string, string>;

  before(async () => {
    node = await startTestServer({
      store: new AlwaysOvertakenStore(),
      inventory: actionSite(Date.now()),
    });
    await node.addAccount("SRV12\\alice", "a");
    const { token } = await node.logon("alice", "a");
    headers = { "x-restsvcsessionid": token, accept: "application/json" };
  });
  after(() => node.close());

  it("answers 503 with Retry-After and starts nothing", async () => {
    const runs = async () =>
      JSON.parse((await send(`${node.http}/api/backupSessions`, { headers })).body).Refs.length;
    const before = await runs();

    const reply = await send(`${node.http}/api/jobs/${NIGHTLY}?action=start`, {
      method: "POST",
      headers,
    });

    assert.equal(reply.status, 503, reply.body);
    assert.equal(reply.headers["retry-after"], "1");
    assert.match(JSON.parse(reply.body).Message, /Try again shortly/);
    assert.equal(await runs(), before);
  });
});
