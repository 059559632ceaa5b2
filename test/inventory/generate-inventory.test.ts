import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultInventory } from "../../src/inventory/default-inventory.js";
import {
  GenerateOptionsInvalid,
  generateInventory,
  type GenerateOptions,
} from "../../src/inventory/generate.js";
import { inventoryDocument } from "../../src/inventory/inventory-file.js";
import { INVENTORY_KINDS, type Inventory } from "../../src/inventory/model.js";
import { validateInventory } from "../../src/inventory/validate.js";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 6, 30, 0);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SITE: GenerateOptions = { servers: 3, jobs: 40, vms: 400, days: 30, seed: "test", now: NOW };

function counts(inventory: Inventory): Record<string, number> {
  return Object.fromEntries(INVENTORY_KINDS.map((kind) => [kind, inventory[kind].length]));
}

describe("generateInventory", () => {
  const site = generateInventory(SITE);

  it("makes the same site for the same seed and now", () => {
    assert.deepEqual(generateInventory(SITE), site);
  });

  it("makes another site for another seed", () => {
    const other = generateInventory({ ...SITE, seed: "other" });
    assert.notEqual(other.backupServers[0]!.id, site.backupServers[0]!.id);
    assert.notDeepEqual(
      other.jobSessions.map((s) => s.result),
      site.jobSessions.map((s) => s.result),
    );
  });

  it("ends the history at now", () => {
    const later = generateInventory({ ...SITE, now: NOW + 3 * DAY });
    const last = (inventory: Inventory) =>
      Math.max(...inventory.jobSessions.map((s) => s.creationTime));
    assert.ok(last(site) <= NOW && last(site) > NOW - DAY);
    assert.ok(last(later) <= NOW + 3 * DAY && last(later) > NOW + 2 * DAY);
  });

  it("passes its own validation: every field sound, every reference resolved", () => {
    for (const options of [
      SITE,
      { ...SITE, servers: 1, jobs: 1, vms: 1, days: 1 },
      { ...SITE, jobs: 0, vms: 0, days: 0 },
      { ...SITE, days: 0 },
      { ...SITE, servers: 7, jobs: 90, vms: 600, days: 9, seed: 12345 },
    ]) {
      const checked = validateInventory(inventoryDocument(generateInventory(options)));
      assert.deepEqual(
        counts(checked),
        counts(generateInventory(options)),
        JSON.stringify(options),
      );
    }
  });

  it("gives every object a GUID for an id, unique across the site but for a vCenter's two faces", () => {
    const ids = new Set<string>();
    let shared = 0;
    for (const kind of INVENTORY_KINDS) {
      for (const item of site[kind] as { id: string }[]) {
        assert.match(item.id, GUID, kind);
        // A vCenter is both a managed server and a hierarchy root, under one id, as in EM.
        if (kind === "hierarchyRoots" && ids.has(item.id)) {
          assert.equal(site.managedServers.find((s) => s.id === item.id)?.managedServerType, "VC");
          shared++;
        }
        ids.add(item.id);
      }
    }
    assert.equal(shared, site.backupServers.length, "each server's vCenter");
    assert.equal(
      ids.size + shared,
      INVENTORY_KINDS.reduce((sum, kind) => sum + site[kind].length, 0),
    );
  });

  it("links each copy job to the backup job of its own server that it copies", () => {
    const copies = site.jobs.filter((job) => job.jobType === "BackupCopy");
    assert.ok(copies.length > 0);
    for (const copy of copies) {
      assert.equal(copy.linkedJobIds.length, 1, copy.name);
      const source = site.jobs.find((job) => job.id === copy.linkedJobIds[0])!;
      assert.equal(source.jobType, "Backup");
      assert.equal(source.backupServerId, copy.backupServerId);
      assert.deepEqual(copy.vmIds, source.vmIds, "it copies what the source backs up");
    }
  });

  it("makes the numbers of servers, jobs and VMs asked for", () => {
    assert.equal(site.backupServers.length, 3);
    assert.equal(site.jobs.length, 40);
    assert.equal(site.vms.length, 400);
    for (const kind of [
      "repositories",
      "backups",
      "restorePoints",
      "vmRestorePoints",
      "backupFiles",
    ] as const) {
      assert.ok(site[kind].length > 0, kind);
    }
  });

  it("has mostly successful runs, with some warnings and some failures", () => {
    const runs = site.jobSessions.filter((s) => s.endTime <= NOW);
    const share = (result: string) => runs.filter((s) => s.result === result).length / runs.length;
    assert.ok(share("Success") > 0.75 && share("Success") < 0.97, `${share("Success")}`);
    assert.ok(share("Warning") > 0.01, `${share("Warning")}`);
    assert.ok(share("Failed") > 0.005, `${share("Failed")}`);
    const failed = runs.find((s) => s.result === "Failed")!;
    assert.notEqual(failed.failureMessage, "");
  });

  it("runs each job once a day at its scheduled time, retries aside", () => {
    for (const job of site.jobs) {
      assert.equal(job.scheduleConfigured, true);
      const runs = site.jobSessions.filter((s) => s.jobId === job.id && !s.isRetry);
      assert.equal(runs.length, SITE.days, job.name);
      for (const run of runs) {
        const late = (run.creationTime % DAY) - job.dailyAtMinute! * 60_000;
        assert.ok(late >= 0 && late <= 15_000, `${job.name} started ${late} ms after its time`);
      }
    }
  });

  it("has runs that take different times and backups of different sizes", () => {
    const durations = new Set(site.jobSessions.map((s) => s.endTime - s.creationTime));
    assert.ok(durations.size > site.jobSessions.length / 2);
    assert.ok([...durations].every((ms) => ms > 0));
    const sizes = new Set(site.backupFiles.map((file) => file.backupSize));
    assert.ok(sizes.size > site.backupFiles.length / 2);
    const fulls = site.backupFiles.filter((f) => f.fileType === "vbk").map((f) => f.backupSize);
    const increments = site.backupFiles
      .filter((f) => f.fileType === "vib")
      .map((f) => f.backupSize);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    assert.ok(mean(fulls) > 3 * mean(increments), "a full is much bigger than an increment");
  });

  it("keeps one job running at now", () => {
    const running = site.jobSessions.filter((s) => s.creationTime <= NOW && s.endTime > NOW);
    assert.equal(running.length, 1);
  });

  it("makes 100,000 job sessions with their task sessions", () => {
    const big = generateInventory({
      servers: 5,
      jobs: 1000,
      vms: 3000,
      days: 100,
      seed: 1,
      now: NOW,
    });
    assert.equal(big.jobSessions.filter((s) => !s.isRetry).length, 100_000);
    assert.ok(big.taskSessions.length >= 300_000);
    const jobIds = new Set(big.jobs.map((job) => job.id));
    assert.ok(big.jobSessions.every((s) => jobIds.has(s.jobId)));
  });

  it("refuses options it cannot use, naming the option", () => {
    assert.throws(() => generateInventory({ ...SITE, servers: 0 }), GenerateOptionsInvalid);
    assert.throws(() => generateInventory({ ...SITE, days: 1.5 }), /--days must be a whole number/);
    assert.throws(() => generateInventory({ ...SITE, vms: 2 }), /--vms must be at least --servers/);
  });
});

describe("defaultInventory", () => {
  it("is the same small site each time, its history ending at the given moment", () => {
    const first = defaultInventory(NOW);
    assert.deepEqual(defaultInventory(NOW), first);
    assert.equal(first.backupServers.length, 2);
    assert.equal(first.jobs.length, 8);
    validateInventory(inventoryDocument(first));
  });
});
