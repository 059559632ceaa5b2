import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { inventoryRecords } from "../../src/inventory/apply-records.js";
import { actionSite, MIRROR, NIGHTLY } from "../actions/action-site.js";
import { send } from "../helpers/client.js";
import { sharedStoreKinds, type SharedPlace } from "../helpers/shared-stores.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

/** A server on the shared store, with a logged-on administrator's JSON GET. */
async function node(place: SharedPlace, seedName: string) {
  const site = actionSite(Date.now());
  site.jobs = site.jobs.map((job) => (job.id === MIRROR ? { ...job, name: seedName } : job));
  const server = await startTestServer({
    store: await place.open(),
    inventory: site,
    flags: { jobRunLength: "1h" },
  });
  // The other server may have added her to the shared store already.
  await server.addAccount("SRV12\\alice", "a").catch(() => undefined);
  const { token } = await server.logon("alice", "a");
  const headers = { "x-restsvcsessionid": token, accept: "application/json" };

  const json = async (path: string) => {
    const reply = await send(`${server.http}/api/${path}`, { headers });
    assert.equal(reply.status, 200, reply.body);
    return JSON.parse(reply.body);
  };
  const post = (path: string) => send(`${server.http}/api/${path}`, { method: "POST", headers });
  const status = async (path: string) =>
    (await send(`${server.http}/api/${path}`, { headers })).status;
  return { server, json, post, status };
}

type Node = Awaited<ReturnType<typeof node>>;

const jobName = async (at: Node, id: string) => (await at.json(`jobs/${id}?format=Entity`)).Name;
const sessionIds = async (at: Node) =>
  ((await at.json("backupSessions?format=Entity")).BackupJobSessions as { UID: string }[]).map(
    (session) => session.UID,
  );

/** Milliseconds until `check` holds, giving up after 5 s. */
async function msUntil(check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 5000) {
    if (await check()) return Date.now() - start;
    await sleep(50);
  }
  throw new Error("the change never showed");
}

for (const kind of await sharedStoreKinds()) {
  describe(`two servers on one ${kind.name} store`, { skip: kind.skip }, () => {
    const place = kind.place();
    let nodes: Node[];

    // Started together, each with a seed of its own: one lands. Each checks once a second.
    before(async () => {
      nodes = await Promise.all([node(place, "Mirror (first)"), node(place, "Mirror (second)")]);
    });

    after(async () => {
      await Promise.all(nodes.map((at) => at.server.close()));
      await place.remove();
    });

    it("writes one seed, and both serve the same inventory", async () => {
      const names = [await jobName(nodes[0], MIRROR), await jobName(nodes[1], MIRROR)];

      assert.equal(names[0], names[1]);
      assert.match(names[0], /^Mirror \((first|second)\)$/);
      const state = await nodes[0].server.store.readInventory({ generation: 0, revision: 0 });
      assert.equal(state.generation, 1, "the second seed was not written over the first");
    });

    it("lists a job run started on one server at once there, and within two seconds on the other", async () => {
      const before = new Set(await sessionIds(nodes[1]));

      const reply = await nodes[0].post(`jobs/${NIGHTLY}?action=start`);
      assert.equal(reply.status, 202, reply.body);
      const started = (await sessionIds(nodes[0])).filter((uid) => !before.has(uid));
      assert.equal(started.length, 1, "the starting server lists the run in its next reply");

      const took = await msUntil(async () => (await sessionIds(nodes[1])).includes(started[0]));
      assert.ok(took < 2000, `the other server took ${took} ms`);
    });

    it("shows both servers a replace of the whole inventory within two seconds", async () => {
      assert.equal(await nodes[0].status(`jobs/${MIRROR}`), 200);
      const site = actionSite(Date.now());
      site.jobs = site.jobs.filter((job) => job.id !== MIRROR);
      await nodes[1].server.store.replaceInventory(inventoryRecords(site));

      const took = await msUntil(async () => {
        const statuses = await Promise.all(nodes.map((at) => at.status(`jobs/${MIRROR}`)));
        return statuses.every((status) => status === 404);
      });

      assert.ok(took < 2000, `the servers took ${took} ms`);
      assert.equal(await nodes[0].status(`jobs/${NIGHTLY}`), 200);
    });
  });
}
