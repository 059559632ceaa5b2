import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateInventory } from "../../src/inventory/generate.js";
import type { Inventory, JobType } from "../../src/inventory/model.js";

const NOW = Date.UTC(2026, 5, 15, 6, 30, 0);
const site = generateInventory({ servers: 3, jobs: 40, vms: 400, days: 60, seed: "t", now: NOW });

/** Every message the runs of jobs of `types` left: the tasks' reasons and the runs' messages. */
function messagesOf(inventory: Inventory, types: JobType[]): string[] {
  const jobs = new Set(inventory.jobs.filter((j) => types.includes(j.jobType)).map((j) => j.id));
  const runs = inventory.jobSessions.filter((run) => jobs.has(run.jobId));
  const runIds = new Set(runs.map((run) => run.id));
  const reasons = inventory.taskSessions
    .filter((task) => runIds.has(task.jobSessionId))
    .map((task) => task.reason);
  return [...reasons, ...runs.map((run) => run.failureMessage)].filter((text) => text !== "");
}

describe("why generated runs warn or fail", () => {
  it("gives copy jobs reasons a copy can have, never snapshots, guests or block tracking", () => {
    const messages = messagesOf(site, ["BackupCopy"]);
    assert.ok(messages.length > 10, `only ${messages.length} copy messages to look at`);
    const vmOnly = messages.filter((text) => /snapshot|guest|changed block|CBT/i.test(text));
    assert.deepEqual(vmOnly, []);
  });

  it("gives replica jobs reasons about their target host and datastore, not a repository", () => {
    const messages = messagesOf(site, ["Replica"]);
    assert.ok(messages.length > 10, `only ${messages.length} replica messages to look at`);
    assert.deepEqual(
      messages.filter((text) => /repository/i.test(text)),
      [],
    );
  });

  it("still gives backup jobs the reasons of reading a VM", () => {
    const messages = messagesOf(site, ["Backup"]);
    assert.ok(messages.some((text) => /snapshot|guest|changed block/i.test(text)));
  });
});
