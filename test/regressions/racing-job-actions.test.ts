import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { actionSite, NIGHTLY } from "../actions/action-site.js";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

// A store whose inventory reads take a moment, as PostgreSQL's and Redis's do over the
// network. Over PostgreSQL, ten starts and ten stops of one job sent together once left
// six runs of it going at once: each action planned on a view read before the others wrote.
class SlowReadStore extends MemoryStore {
  override async readInventory(since: { generation: number; revision: number }) {
    const changes = await super.readInventory(since);
    await sleep(5);
    return changes;
  }
}

describe("racing job actions", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer({
      store: new SlowReadStore(),
      inventory: actionSite(Date.now()),
    });
    await server.addAccount("SRV12\\admin", "pw");
    token = (await server.logon("admin", "pw")).token;
  });
  after(() => server.close());

  const headers = () => ({ "x-restsvcsessionid": token, accept: "application/json" });
  const act = (action: string) =>
    send(`${server.http}/api/jobs/${NIGHTLY}?action=${action}`, {
      method: "POST",
      headers: headers(),
    });
  const runningRuns = async () => {
    const reply = await send(`${server.http}/api/backupSessions?format=Entity`, {
      headers: headers(),
    });
    return JSON.parse(reply.body).BackupJobSessions.filter(
      (run: any) => run.JobUid.endsWith(NIGHTLY) && run.State !== "Stopped",
    ).length;
  };

  test("of ten starts sent together, one starts a run and nine say it is running", async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => act("start")));
    assert.deepEqual(new Set(replies.map((reply) => reply.status)), new Set([202]));
    assert.equal(await runningRuns(), 1);

    await sleep(1100);
    const tasks = JSON.parse((await send(`${server.http}/api/tasks`, { headers: headers() })).body);
    const results = tasks.Tasks.map((task: any) => task.Result.Message).sort();
    assert.deepEqual(results, [
      ...Array.from({ length: 9 }, () => 'Job "Nightly" is already running.'),
      'Job "Nightly" started.',
    ]);
  });

  test("starts and stops sent together never leave two runs of one job going", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => act(i % 2 === 0 ? "stop" : "start")));
    assert.ok((await runningRuns()) <= 1, `${await runningRuns()} runs going`);
  });
});
