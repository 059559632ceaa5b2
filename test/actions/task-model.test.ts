import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { taskModel, taskOwnedBy, tasksOwnedBy } from "../../src/actions/task-model.js";
import { taskOwnerOf } from "../../src/actions/task-owner.js";
import type { Task } from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import { actionSite, MIRROR_RUNNING, NIGHTLY_LAST, NOW } from "./action-site.js";

const API = "https://em.example.com:9398/api/";

function task(id: string, changes: Partial<Task> = {}): Task {
  return {
    id,
    owner: "mine",
    operation: "StartJob",
    creationTime: NOW,
    finishTime: NOW + 1000,
    success: true,
    message: "done",
    jobSessionId: NIGHTLY_LAST,
    deleted: false,
    ...changes,
  };
}

function viewWith(...tasks: Task[]) {
  const site = actionSite();
  site.tasks.push(...tasks);
  return new InventoryView(site);
}

describe("a task as the API shows it", () => {
  test("is Running with only its Delete link and no result before it settles", () => {
    const view = viewWith(task("task-5"));
    assert.deepEqual(taskModel(API, view.get("tasks", "task-5")!, view, NOW + 999), {
      href: `${API}tasks/task-5`,
      links: [{ rel: "Delete", href: `${API}tasks/task-5`, name: null, type: "Task" }],
      taskId: "task-5",
      state: "Running",
      operation: "StartJob",
      result: null,
    });
  });

  test("is Finished with its result and a Related link to the job session's entity", () => {
    const view = viewWith(task("task-5"));
    const model = taskModel(API, view.get("tasks", "task-5")!, view, NOW + 1000);
    assert.equal(model.state, "Finished");
    assert.deepEqual(model.result, { success: true, message: "done" });
    assert.deepEqual(model.links[1], {
      rel: "Related",
      href: `${API}backupSessions/${NIGHTLY_LAST}?format=Entity`,
      name: null,
      type: "BackupJobSession",
    });
  });

  test("links a replica job session under replicaSessions", () => {
    const view = viewWith(task("task-5", { jobSessionId: MIRROR_RUNNING }));
    const model = taskModel(API, view.get("tasks", "task-5")!, view, NOW + 5000);
    assert.equal(model.links[1]!.href, `${API}replicaSessions/${MIRROR_RUNNING}?format=Entity`);
    assert.equal(model.links[1]!.type, "ReplicaJobSession");
  });

  test("has no Related link when it touched no job session", () => {
    const view = viewWith(task("task-5", { jobSessionId: null, success: false }));
    const model = taskModel(API, view.get("tasks", "task-5")!, view, NOW + 5000);
    assert.deepEqual(
      model.links.map((l) => l.rel),
      ["Delete"],
    );
  });
});

describe("whose tasks a session sees", () => {
  const view = viewWith(
    task("task-3", { creationTime: NOW + 5 }),
    task("task-1"),
    task("task-2", { owner: "theirs" }),
    task("task-4", { deleted: true }),
  );

  test("its own, oldest first, without removed ones", () => {
    assert.deepEqual(
      tasksOwnedBy(view, "mine").map((t) => t.id),
      ["task-1", "task-3"],
    );
  });

  test("not another session's task, nor a removed one, by ID", () => {
    assert.equal(taskOwnedBy(view, "mine", "task-1")?.id, "task-1");
    assert.equal(taskOwnedBy(view, "mine", "task-2"), undefined);
    assert.equal(taskOwnedBy(view, "mine", "task-4"), undefined);
    assert.equal(taskOwnedBy(view, "mine", "task-9"), undefined);
  });
});

test("a task's owner is a hash of the session's key hash that does not contain it", () => {
  const keyHash = Buffer.alloc(32, 7);
  const owner = taskOwnerOf(keyHash);
  assert.match(owner, /^[0-9a-f]{32}$/);
  assert.equal(taskOwnerOf(Buffer.alloc(32, 7)), owner);
  assert.notEqual(taskOwnerOf(Buffer.alloc(32, 8)), owner);
  assert.ok(!keyHash.toString("hex").includes(owner));
});
