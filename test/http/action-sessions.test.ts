import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { actionSite, FLAKY, NIGHTLY } from "../actions/action-site.js";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

describe("the job sessions that actions start and stop, as the session lists show them", () => {
  let server: TestServer;
  let token: string;
  const RUN_MS = 3000;

  before(async () => {
    server = await startTestServer({
      inventory: actionSite(Date.now()),
      flags: { jobRunLength: "3s" },
    });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  const headers = () => ({ "x-restsvcsessionid": token, accept: "application/json" });
  const post = async (path: string) => {
    const reply = await send(`${server.http}${path}`, { method: "POST", headers: headers() });
    assert.equal(reply.status, 202, reply.body);
  };
  const json = async (path: string) => {
    const reply = await send(`${server.http}/api/${path}`, { headers: headers() });
    assert.equal(reply.status, 200, reply.body);
    return JSON.parse(reply.body);
  };
  const backupSessions = async () =>
    (await json("backupSessions?format=Entity")).BackupJobSessions as Record<string, any>[];

  /** Does the action and returns the backup job session it added to the list. */
  async function newSession(path: string) {
    const before = new Set((await backupSessions()).map((s) => s.UID));
    await post(path);
    const added = (await backupSessions()).filter((s) => !before.has(s.UID));
    assert.equal(added.length, 1);
    return added[0]!;
  }

  const runningJobs = async () => (await json("reports/summary/overview")).RunningJobs as number;

  test("a started job's session is listed at once, Working, and Stopped with Success at its end", async () => {
    assert.equal(await runningJobs(), 1); // Mirror
    const run = await newSession(`/api/jobs/${NIGHTLY}?action=start`);
    assert.equal(await runningJobs(), 2);
    assert.equal(run.JobName, "Nightly");
    assert.equal(run.State, "Working");
    assert.equal(run.Result, "None");
    assert.equal(run.IsRetry, false);
    assert.ok(run.Progress >= 0 && run.Progress < 50, `progress ${run.Progress}`);

    const id = run.UID.split(":").pop();
    const tasks = await json(`backupSessions/${id}/taskSessions?format=Entity`);
    assert.equal(tasks.BackupTaskSessions.length, 2);
    const ofJob = await json(`jobs/${NIGHTLY}/backupSessions`);
    assert.ok(ofJob.Refs.some((ref: { UID: string }) => ref.UID === run.UID));

    await sleep(RUN_MS / 2);
    const halfway = await json(`backupSessions/${id}?format=Entity`);
    assert.equal(halfway.State, "Working");
    assert.ok(halfway.Progress > run.Progress, `${halfway.Progress} after ${run.Progress}`);

    await sleep(RUN_MS / 2 + 100);
    const ended = await json(`backupSessions/${id}?format=Entity`);
    assert.equal(ended.State, "Stopped");
    assert.equal(ended.Result, "Success");
    assert.equal(ended.Progress, 100);
    assert.ok(Date.parse(ended.EndTimeUTC) > Date.parse(ended.CreationTimeUTC));
    assert.equal(await runningJobs(), 1);
  });

  test("a retry of the failed job is IsRetry, and stopping it by session ID ends it Failed", async () => {
    const retry = await newSession(`/api/jobs/${FLAKY}?action=retry`);
    assert.equal(retry.IsRetry, true);
    assert.equal(retry.State, "Working");

    const id = retry.UID.split(":").pop();
    await post(`/api/backupSessions/${id}?action=stop`);
    const stopped = await json(`backupSessions/${id}?format=Entity`);
    assert.equal(stopped.State, "Stopped");
    assert.equal(stopped.Result, "Failed");
    assert.equal(stopped.FailureMessage, "Stopped by SRV12\\alice.");
    const tasks = await json(`backupSessions/${id}/taskSessions?format=Entity`);
    assert.deepEqual(
      tasks.BackupTaskSessions.map((t: { Result: string }) => t.Result),
      ["Failed"],
    );
  });

  test("a job stopped by its own action shows its session Stopped with Failed", async () => {
    const run = await newSession(`/api/jobs/${NIGHTLY}?action=start`);
    await post(`/api/jobs/${NIGHTLY}?action=stop`);
    const stopped = await json(`backupSessions/${run.UID.split(":").pop()}?format=Entity`);
    assert.equal(stopped.State, "Stopped");
    assert.equal(stopped.Result, "Failed");
  });
});
