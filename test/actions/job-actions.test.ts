import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  planJobAction,
  planSessionStop,
  type ActionContext,
  type ActionPlan,
} from "../../src/actions/job-actions.js";
import { sessionState, type Inventory } from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import {
  actionSite,
  FLAKY,
  FLAKY_LAST,
  MIRROR,
  MIRROR_RUNNING,
  NIGHTLY,
  NIGHTLY_LAST,
  NOW,
  VM_A,
  VM_B,
  VM_C,
} from "./action-site.js";

const MIN = 60_000;

function context(
  site: Inventory = actionSite(),
  changes: Partial<ActionContext> = {},
): ActionContext {
  return {
    view: new InventoryView(site),
    now: NOW,
    owner: "owner-1",
    userName: "SRV12\\Administrator",
    runLengthMs: null,
    settleMs: 1000,
    ...changes,
  };
}

const job = (site: Inventory, id: string) => site.jobs.find((j) => j.id === id)!;

/** Writes what an action changed into the site, as the store does. */
function apply(site: Inventory, plan: ActionPlan): void {
  for (const kind of ["jobSessions", "taskSessions"] as const) {
    for (const changed of plan[kind]) {
      const list: { id: string }[] = site[kind];
      const at = list.findIndex((item) => item.id === changed.id);
      if (at >= 0) list[at] = changed;
      else list.push(changed);
    }
  }
}

describe("planning a job start", () => {
  test("starts a new Backup run of every VM of the job, Working now and Success at its end", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, NIGHTLY), "start", context(site));

    assert.equal(plan.jobSessions.length, 1);
    const [run] = plan.jobSessions;
    assert.equal(run!.jobId, NIGHTLY);
    assert.equal(run!.kind, "Backup");
    assert.equal(run!.isRetry, false);
    assert.equal(run!.creationTime, NOW);
    assert.equal(sessionState(run!, NOW).state, "Working");
    assert.deepEqual(sessionState(run!, run!.endTime), {
      state: "Stopped",
      result: "Success",
      progress: 100,
      ended: true,
    });
    assert.deepEqual(
      plan.taskSessions.map((t) => t.vmId),
      [VM_A, VM_B],
    );
    assert.ok(plan.taskSessions.every((t) => t.jobSessionId === run!.id));
    assert.equal(Math.max(...plan.taskSessions.map((t) => t.endTime)), run!.endTime);
  });

  test("processes at most four VMs at a time, each next VM starting as another is done", () => {
    const site = actionSite();
    const nightly = job(site, NIGHTLY);
    for (let n = 0; n < 5; n++) {
      const vm = { ...site.vms[0]!, id: `vm-extra-${n}`, name: `extra-${n}`, moref: `vm-x${n}` };
      site.vms.push(vm);
      nightly.vmIds.push(vm.id);
    }
    const { taskSessions: tasks } = planJobAction(nightly, "start", context(site));

    assert.equal(tasks.length, 7);
    const busiest = Math.max(
      ...tasks.map(({ creationTime: at }) => {
        return tasks.filter((t) => t.creationTime <= at && t.endTime > at).length;
      }),
    );
    assert.equal(busiest, 4);
    const firstDone = Math.min(...tasks.map((t) => t.endTime));
    const later = tasks.filter((t) => t.creationTime >= firstDone);
    assert.equal(later.length, 3, "three VMs wait for a free slot");
    assert.ok(new Set(tasks.slice(0, 4).map((t) => t.creationTime)).size > 1, "not all at once");
  });

  test("lasts as long as the job's recent runs took on average", () => {
    const site = actionSite();
    const [run] = planJobAction(job(site, NIGHTLY), "start", context(site)).jobSessions;
    assert.equal(run!.endTime - run!.creationTime, 40 * MIN);
  });

  test("a run a user stopped at once does not shorten the job's next run", () => {
    const site = actionSite();
    const nightly = job(site, NIGHTLY);
    for (let pair = 0; pair < 6; pair++) {
      const at = NOW + pair * 1000;
      apply(site, planJobAction(nightly, "start", context(site, { now: at })));
      apply(site, planJobAction(nightly, "stop", context(site, { now: at + 20 })));
    }
    const later = NOW + 10_000;
    const [run] = planJobAction(nightly, "start", context(site, { now: later })).jobSessions;
    assert.equal(run!.endTime - run!.creationTime, 40 * MIN);
  });

  test("a job whose only runs failed or were retries lasts as long as a first run", () => {
    const site = actionSite();
    const failed = site.jobSessions.find((r) => r.id === FLAKY_LAST)!;
    const retry = { ...failed, id: "flaky-retry", result: "Success" as const, isRetry: true };
    site.jobSessions.push(retry);
    const [run] = planJobAction(job(site, FLAKY), "start", context(site)).jobSessions;
    assert.equal(run!.endTime - run!.creationTime, 10 * MIN);
  });

  test("lasts the configured run length when one is given", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, NIGHTLY), "start", context(site, { runLengthMs: 2000 }));
    assert.equal(plan.jobSessions[0]!.endTime, NOW + 2000);
  });

  test("starts a Replica run for a replication job", () => {
    const site = actionSite();
    site.jobSessions = site.jobSessions.filter((run) => run.id !== MIRROR_RUNNING);
    const plan = planJobAction(job(site, MIRROR), "start", context(site));
    assert.equal(plan.jobSessions[0]!.kind, "Replica");
  });

  test("gives a StartJob task of the caller, Running until it settles, that succeeded", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, NIGHTLY), "start", context(site));
    assert.match(plan.task.id, /^task-\d+$/);
    assert.equal(plan.task.owner, "owner-1");
    assert.equal(plan.task.operation, "StartJob");
    assert.equal(plan.task.finishTime, NOW + 1000);
    assert.equal(plan.task.success, true);
    assert.equal(plan.task.message, 'Job "Nightly" started.');
    assert.equal(plan.task.jobSessionId, plan.jobSessions[0]!.id);
  });

  test("refuses a job that is already running in its task and changes nothing", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, MIRROR), "start", context(site));
    assert.deepEqual(plan.jobSessions, []);
    assert.deepEqual(plan.taskSessions, []);
    assert.equal(plan.task.success, false);
    assert.equal(plan.task.message, 'Job "Mirror" is already running.');
    assert.equal(plan.task.jobSessionId, MIRROR_RUNNING);
  });
});

describe("planning a job stop", () => {
  test("ends the running run now with Failed, and cuts only the VMs not yet done", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, MIRROR), "stop", context(site));

    assert.equal(plan.task.operation, "StopJob");
    assert.equal(plan.task.success, true);
    const [run] = plan.jobSessions;
    assert.equal(run!.id, MIRROR_RUNNING);
    assert.deepEqual(sessionState(run!, NOW), {
      state: "Stopped",
      result: "Failed",
      progress: 100,
      ended: true,
    });
    assert.equal(run!.failureMessage, "Stopped by SRV12\\Administrator.");
    assert.deepEqual(
      plan.taskSessions.map((t) => [t.vmId, t.result, t.endTime]),
      [[VM_B, "Failed", NOW]],
    );
  });

  test("refuses a job that is not running", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, NIGHTLY), "stop", context(site));
    assert.equal(plan.task.success, false);
    assert.equal(plan.task.message, 'Job "Nightly" is not running.');
    assert.deepEqual(plan.jobSessions, []);
  });

  test("stops one session by its ID as StopJobSession", () => {
    const site = actionSite();
    const run = site.jobSessions.find((r) => r.id === MIRROR_RUNNING)!;
    const plan = planSessionStop(run, job(site, MIRROR), context(site));
    assert.equal(plan.task.operation, "StopJobSession");
    assert.equal(plan.jobSessions[0]!.endTime, NOW);
    assert.equal(plan.jobSessions[0]!.result, "Failed");
  });

  test("refuses to stop a session that has already ended", () => {
    const site = actionSite();
    const run = site.jobSessions.find((r) => r.id === NIGHTLY_LAST)!;
    const plan = planSessionStop(run, job(site, NIGHTLY), context(site));
    assert.equal(plan.task.success, false);
    assert.match(plan.task.message, /already ended/);
    assert.deepEqual(plan.jobSessions, []);
  });
});

describe("planning a job retry", () => {
  test("after a failed run, runs again only the VMs that failed, marked IsRetry", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, FLAKY), "retry", context(site));
    assert.equal(plan.task.operation, "RetryJob");
    assert.equal(plan.task.success, true);
    assert.equal(plan.jobSessions[0]!.isRetry, true);
    assert.deepEqual(
      plan.taskSessions.map((t) => t.vmId),
      [VM_C],
    );
  });

  test("refuses a job whose last run succeeded, naming the result", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, NIGHTLY), "retry", context(site));
    assert.equal(plan.task.success, false);
    assert.match(plan.task.message, /only after a failed run; its last run ended with Success/);
    assert.deepEqual(plan.jobSessions, []);
  });

  test("refuses a job that is running", () => {
    const site = actionSite();
    const plan = planJobAction(job(site, MIRROR), "retry", context(site));
    assert.equal(plan.task.success, false);
    assert.match(plan.task.message, /is running/);
  });

  test("refuses a job that has never run", () => {
    const site = actionSite();
    site.jobSessions = site.jobSessions.filter((run) => run.jobId !== FLAKY);
    const plan = planJobAction(job(site, FLAKY), "retry", context(site));
    assert.equal(plan.task.success, false);
    assert.match(plan.task.message, /has not run yet/);
  });
});
