import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { CONCURRENT_TASKS } from "../../src/inventory/task-placement.js";
import { actionSite, ROOT, REPOSITORY, SERVER, id } from "../actions/action-site.js";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

// A job of seven VMs started through the API: its proxy takes four at a time, so the other
// three wait queued, and a client reading the run must see them Pending, never in the future.

const WIDE = id(90);
const VMS = Array.from({ length: 7 }, (_, n) => id(91 + n));

function wideSite() {
  const site = actionSite(Date.now());
  VMS.forEach((vmId, n) =>
    site.vms.push({
      id: vmId,
      hierarchyRootId: ROOT,
      name: `app0${n}`,
      moref: `vm-app0${n}`,
      sizeBytes: 20e9,
      indexed: false,
    }),
  );
  site.jobs.push({
    ...site.jobs[0]!,
    id: WIDE,
    backupServerId: SERVER,
    repositoryId: REPOSITORY,
    name: "Wide",
    vmIds: VMS,
  });
  return site;
}

type Task = Record<string, any>;

describe("task sessions of a started run whose VMs are partly queued", () => {
  let server: TestServer;
  let token: string;
  let run: { UID: string; CreationTimeUTC: string };
  let startedAt: number;

  before(async () => {
    // The run lasts 24 s: its first four VMs start within 3 s, the others after about 12 s.
    server = await startTestServer({ inventory: wideSite(), flags: { jobRunLength: "24s" } });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;

    startedAt = Date.now();
    const started = await send(`${server.http}/api/jobs/${WIDE}?action=start`, {
      method: "POST",
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(started.status, 202, started.body);
    const refs = (await json(`jobs/${WIDE}/backupSessions`)).Refs;
    assert.equal(refs.length, 1);
    run = await json(`backupSessions/${refs[0].UID.split(":").pop()}?format=Entity`);
  });
  after(() => server.close());

  async function json(path: string) {
    const headers = { "x-restsvcsessionid": token, accept: "application/json" };
    const reply = await send(`${server.http}/api/${path}`, { headers });
    assert.equal(reply.status, 200, reply.body);
    return JSON.parse(reply.body);
  }

  const runId = () => run.UID.split(":").pop();
  const tasksOfRun = async (): Promise<Task[]> =>
    (await json(`backupSessions/${runId()}/taskSessions?format=Entity`)).BackupTaskSessions;

  /** The UIDs a query for this run's tasks returns, sorted. */
  async function queried(filter: string): Promise<string[]> {
    const whole = encodeURIComponent(`JobSessionUid=="${run.UID}";${filter}`);
    const page = await json(`query?type=BackupTaskSession&format=Entities&filter=${whole}`);
    return page.Entities.BackupTaskSessions.BackupTaskSessions.map((t: Task) => t.UID).sort();
  }
  const uids = (tasks: Task[]) => tasks.map((task) => task.UID).sort();

  /** What a client may rely on at any moment while some VMs wait. */
  function assertQueuedShape(tasks: Task[], now: number) {
    assert.equal(tasks.length, VMS.length);
    const working = tasks.filter((task) => task.State === "InProgress");
    const pending = tasks.filter((task) => task.State === "Pending");
    assert.ok(working.length <= CONCURRENT_TASKS, `${working.length} in progress`);
    assert.ok(pending.length >= VMS.length - CONCURRENT_TASKS, `${pending.length} pending`);
    assert.equal(working.length + pending.length, VMS.length);

    for (const task of tasks) {
      assert.ok(Date.parse(task.CreationTimeUTC) <= now, `${task.Name} created in the future`);
      assert.ok(Date.parse(task.Name.split("@")[1] + "Z") <= now, `${task.Name} in the future`);
    }
    for (const task of pending) {
      assert.equal(task.CreationTimeUTC, run.CreationTimeUTC);
      assert.equal(task.EndTimeUTC, null);
      assert.equal(task.Result, "None");
      assert.equal(task.Reason, "");
    }
    return { working, pending };
  }

  test("right after the start, no task is in progress beyond four or shows a future time", async () => {
    const tasks = await tasksOfRun();
    assertQueuedShape(tasks, Date.now());
  });

  test("once VMs are processed, four at most are InProgress and the rest Pending, in every form", async () => {
    await sleep(Math.max(0, startedAt + 5000 - Date.now()));
    const tasks = await tasksOfRun();
    const { working, pending } = assertQueuedShape(tasks, Date.now());
    assert.ok(working.length > 0, "some VM has started by now");

    // The references and the XML show the same names and states.
    const refs = (await json(`backupSessions/${runId()}/taskSessions`)).Refs;
    assert.deepEqual(
      refs.map((ref: Task) => ref.Name).sort(),
      tasks.map((task) => task.Name).sort(),
    );
    const xml = await send(
      `${server.http}/api/backupSessions/${runId()}/taskSessions?format=Entity`,
      {
        headers: { "x-restsvcsessionid": token },
      },
    );
    const xmlTasks = [parseXml(xml.body).BackupTaskSessions.BackupTaskSession].flat();
    assert.deepEqual(
      xmlTasks.map((task: Task) => `${task["@UID"]} ${task.State}`).sort(),
      tasks.map((task) => `${task.UID} ${task.State}`).sort(),
    );

    // The query service picks the same tasks by State and by CreationTime.
    assert.deepEqual(await queried("State==Pending"), uids(pending));
    assert.deepEqual(await queried("State==InProgress"), uids(working));
    const started = tasks.filter((task) => task.CreationTimeUTC !== run.CreationTimeUTC);
    assert.deepEqual(await queried(`CreationTime>"${run.CreationTimeUTC}"`), uids(started));
    assert.deepEqual(await queried(`CreationTime=="${run.CreationTimeUTC}"`), uids(pending));
  });

  test("stopping the run ends its queued tasks Failed, created as their run and never after their end", async () => {
    const queued = uids((await tasksOfRun()).filter((task) => task.State === "Pending"));
    assert.ok(queued.length > 0, "some VM still waits");
    const stopped = await send(`${server.http}/api/jobs/${WIDE}?action=stop`, {
      method: "POST",
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(stopped.status, 202, stopped.body);

    const tasks = (await tasksOfRun()).filter((task) => queued.includes(task.UID));
    for (const task of tasks) {
      assert.equal(task.State, "Completed");
      assert.equal(task.Result, "Failed");
      assert.equal(task.CreationTimeUTC, run.CreationTimeUTC);
      assert.ok(Date.parse(task.EndTimeUTC) >= Date.parse(task.CreationTimeUTC), task.Name);
    }
  });
});
