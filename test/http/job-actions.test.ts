import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { TASK_SETTLE_MS } from "../../src/actions/job-actions.js";
import {
  actionSite,
  FLAKY,
  MIRROR,
  MIRROR_RUNNING,
  NIGHTLY,
  NIGHTLY_LAST,
} from "../actions/action-site.js";
import { send, type Reply } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

describe("POST /api/jobs/{ID}?action=start|stop|retry and /api/backupSessions/{ID}?action=stop", () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startTestServer({
      inventory: actionSite(Date.now()),
      flags: { jobRunLength: "3s" },
    });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  const post = (path: string, accept?: string) =>
    send(`${server.http}${path}`, {
      method: "POST",
      headers: { "x-restsvcsessionid": token, ...(accept ? { accept } : {}) },
    });
  const get = (url: string) =>
    send(url, { headers: { "x-restsvcsessionid": token, accept: "application/json" } });

  /** Polls the task until it has finished, as a client does. */
  async function finished(href: string) {
    await sleep(TASK_SETTLE_MS);
    const reply = await get(href);
    assert.equal(reply.status, 200);
    return JSON.parse(reply.body);
  }

  function taskOf(reply: Reply) {
    assert.equal(reply.status, 202, reply.body);
    assert.match(String(reply.headers["content-type"]), /^application\/json/);
    return JSON.parse(reply.body);
  }

  test("start answers 202 with a Running StartJob task in XML, as the vendor's example", async () => {
    const reply = await post(`/api/jobs/${NIGHTLY}?action=start`);
    assert.equal(reply.status, 202);
    const task = parseXml(reply.body).Task;
    assert.equal(task["@Type"], "Task");
    assert.match(task["@Href"], /^http:\/\/127\.0\.0\.1:\d+\/api\/tasks\/task-\d+$/);
    assert.equal(task.TaskId, task["@Href"].split("/").pop());
    assert.equal(task.State, "Running");
    assert.equal(task.Operation, "StartJob");
    assert.equal(task.Result, undefined);
    assert.deepEqual(task.Links.Link, [
      { "@Href": task["@Href"], "@Type": "Task", "@Rel": "Delete" },
    ]);
  });

  test("a started job's task finishes with Success and links the new backup job session", async () => {
    await sleep(3000); // the start above has ended
    const task = taskOf(await post(`/api/jobs/${NIGHTLY}?action=start`, "application/json"));
    assert.equal(task.State, "Running");
    assert.equal(task.Result, null);

    const done = await finished(task.Href);
    assert.equal(done.State, "Finished");
    assert.deepEqual(done.Result, { Message: 'Job "Nightly" started.', Success: true });
    const related = done.Links.find((link: { Rel: string }) => link.Rel === "Related");
    assert.equal(related.Type, "BackupJobSession");
    assert.match(related.Href, /\/api\/backupSessions\/[0-9a-f-]{36}\?format=Entity$/);
  });

  test("starting a job that is already running gives a task that failed and says so", async () => {
    const task = taskOf(await post(`/api/jobs/${MIRROR}?action=start`, "application/json"));
    const done = await finished(task.Href);
    assert.deepEqual(done.Result, { Message: 'Job "Mirror" is already running.', Success: false });
  });

  test("stop ends the running session; the task links it as a replica job session", async () => {
    const task = taskOf(await post(`/api/jobs/${MIRROR}?action=stop`, "application/json"));
    assert.equal(task.Operation, "StopJob");
    const done = await finished(task.Href);
    assert.equal(done.Result.Success, true);
    const related = done.Links.find((link: { Rel: string }) => link.Rel === "Related");
    assert.match(
      related.Href,
      new RegExp(`/api/replicaSessions/${MIRROR_RUNNING}\\?format=Entity$`),
    );

    // Stopped now: a second stop finds nothing running.
    const again = await finished(
      taskOf(await post(`/api/jobs/${MIRROR}?action=stop`, "application/json")).Href,
    );
    assert.deepEqual(again.Result, { Message: 'Job "Mirror" is not running.', Success: false });
  });

  test("retry after a failed run starts a run; retry after a success is refused in the task", async () => {
    const retried = await finished(
      taskOf(await post(`/api/jobs/${FLAKY}?action=retry`, "application/json")).Href,
    );
    assert.equal(retried.Operation, "RetryJob");
    assert.deepEqual(retried.Result, { Message: 'Job "Flaky" retried.', Success: true });

    const refused = await finished(
      taskOf(await post(`/api/jobs/${FLAKY}?action=retry`, "application/json")).Href,
    );
    assert.equal(refused.Result.Success, false);
    assert.match(refused.Result.Message, /is running/);
  });

  test("stopping a backup session by ID gives a StopJobSession task", async () => {
    const task = taskOf(
      await post(`/api/backupSessions/${NIGHTLY_LAST}?action=stop`, "application/json"),
    );
    assert.equal(task.Operation, "StopJobSession");
    const done = await finished(task.Href);
    assert.equal(done.Result.Success, false);
    assert.match(done.Result.Message, /already ended/);
  });

  test("the action name is matched in any casing", async () => {
    const reply = await post(`/api/JOBS/${NIGHTLY}?ACTION=Stop`, "application/json");
    assert.equal(taskOf(reply).Operation, "StopJob");
  });

  test("an unknown job or backup session is 404", async () => {
    const unknown = "00000000-1111-2222-3333-444444444444";
    for (const path of [
      `/api/jobs/${unknown}?action=start`,
      `/api/backupSessions/${unknown}?action=stop`,
    ]) {
      const reply = await post(path, "application/json");
      assert.equal(reply.status, 404, path);
      assert.match(
        JSON.parse(reply.body).Message,
        /^There is no (job|backup job session) with the ID "00000000-1111/,
      );
    }
    // A replica session is not a backup session.
    assert.equal((await post(`/api/backupSessions/${MIRROR_RUNNING}?action=stop`)).status, 404);
  });

  test("an unknown action is 400 naming it, a missing one 400 naming the choices", async () => {
    const unknown = await post(`/api/jobs/${NIGHTLY}?action=explode`, "application/json");
    assert.equal(unknown.status, 400);
    assert.match(
      JSON.parse(unknown.body).Message,
      /no action "explode".*action=start, action=stop, action=retry/,
    );

    const missing = await post(`/api/jobs/${NIGHTLY}`, "application/json");
    assert.equal(missing.status, 400);
    assert.match(JSON.parse(missing.body).Message, /needs an action/);

    const long = await post(`/api/backupSessions/${NIGHTLY_LAST}?action=${"x".repeat(5000)}`);
    assert.equal(long.status, 400);
    assert.ok(long.body.length < 1000);
  });

  test("a vendor action not served yet is 501", async () => {
    const reply = await post(`/api/jobs/${NIGHTLY}?action=clone`, "application/json");
    assert.equal(reply.status, 501);
    assert.match(JSON.parse(reply.body).Message, /"clone" is not served/);
  });

  test("other methods on an action URL answer as on the object: 501, naming the action", async () => {
    const headers = { "x-restsvcsessionid": token, accept: "application/json" };
    const url = `${server.http}/api/jobs/${NIGHTLY}?action=start`;
    for (const method of ["GET", "PUT", "DELETE"]) {
      const reply = await send(url, { method, headers });
      assert.equal(reply.status, 501, method);
    }
    const read = await send(url, { headers });
    assert.match(JSON.parse(read.body).Message, /"start"/);
  });

  test("without a logon session an action is 401 and starts nothing", async () => {
    const reply = await send(`${server.http}/api/jobs/${NIGHTLY}?action=start`, { method: "POST" });
    assert.equal(reply.status, 401);
  });
});
