import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { TASK_SETTLE_MS } from "../../src/actions/job-actions.js";
import { actionSite, NIGHTLY } from "../actions/action-site.js";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

describe("GET /api/tasks, GET and DELETE /api/tasks/{ID}", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      inventory: actionSite(Date.now()),
      flags: { jobRunLength: "1s" },
    });
    await server.addAccount("SRV12\\alice", "a");
  });
  after(() => server.close());

  const logon = async () => (await server.logon("alice", "a")).token;
  const call = (token: string, method: string, path: string) =>
    send(path.startsWith("http") ? path : `${server.http}${path}`, {
      method,
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
  /** Any task will do: asking to stop a job that is not running gives one and changes nothing. */
  async function stopNightly(token: string): Promise<{ TaskId: string; Href: string }> {
    const reply = await call(token, "POST", `/api/jobs/${NIGHTLY}?action=stop`);
    assert.equal(reply.status, 202);
    return JSON.parse(reply.body);
  }
  const listed = async (token: string) =>
    JSON.parse((await call(token, "GET", "/api/tasks")).body).Tasks.map(
      (task: { TaskId: string }) => task.TaskId,
    );

  test("lists the tasks of the caller's logon session only, oldest first", async () => {
    const mine = await logon();
    const other = await logon(); // the same account, another logon session
    const first = await stopNightly(mine);
    const second = await stopNightly(mine);
    const theirs = await stopNightly(other);

    assert.deepEqual(await listed(mine), [first.TaskId, second.TaskId]);
    assert.deepEqual(await listed(other), [theirs.TaskId]);
    assert.deepEqual(await listed(await logon()), []);
  });

  test("lists tasks in XML as Tasks/Task", async () => {
    const token = await logon();
    const task = await stopNightly(token);
    const reply = await send(`${server.http}/api/tasks`, {
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(reply.status, 200);
    const tasks = parseXml(reply.body).Tasks;
    assert.equal(tasks.Task.TaskId, task.TaskId);
    assert.equal(tasks.Task["@Type"], "Task");
  });

  test("reads one task, Running and then Finished", async () => {
    const token = await logon();
    const task = await stopNightly(token);
    const running = JSON.parse((await call(token, "GET", task.Href)).body);
    assert.equal(running.State, "Running");
    await sleep(TASK_SETTLE_MS);
    const done = JSON.parse((await call(token, "GET", task.Href)).body);
    assert.equal(done.State, "Finished");
    assert.deepEqual(Object.keys(done), [
      "TaskId",
      "State",
      "Operation",
      "Result",
      "Links",
      "Href",
      "Type",
    ]);
  });

  test("another session's task answers 404, for GET and DELETE, and stays", async () => {
    const mine = await logon();
    const other = await logon();
    const task = await stopNightly(mine);

    for (const method of ["GET", "DELETE"]) {
      const reply = await call(other, method, task.Href);
      assert.equal(reply.status, 404, method);
      assert.match(
        JSON.parse(reply.body).Message,
        /no task with ID task-\d+ in this logon session/,
      );
    }
    assert.equal((await call(mine, "GET", task.Href)).status, 200);
  });

  test("DELETE removes the task with 204 and no body; it is gone from the list and by ID", async () => {
    const token = await logon();
    const kept = await stopNightly(token);
    const removed = await stopNightly(token);

    const reply = await call(token, "DELETE", removed.Href);
    assert.equal(reply.status, 204);
    assert.equal(reply.body, "");
    assert.deepEqual(await listed(token), [kept.TaskId]);
    assert.equal((await call(token, "GET", removed.Href)).status, 404);
    assert.equal((await call(token, "DELETE", removed.Href)).status, 404);
  });

  test("an unknown task ID is 404, and a POST to the list 405", async () => {
    const token = await logon();
    assert.equal((await call(token, "GET", "/api/tasks/task-1")).status, 404);
    assert.equal((await call(token, "GET", `/api/tasks/${"9".repeat(90)}`)).status, 404);
    const post = await call(token, "POST", "/api/tasks");
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, "GET, HEAD");
  });
});
