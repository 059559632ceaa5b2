import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultInventory } from "../../src/inventory/default-inventory.js";
import { generateInventory, type GenerateOptions } from "../../src/inventory/generate.js";
import type { Inventory } from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import { repositoryReport } from "../../src/reports/repository-report.js";

const NOW = Date.UTC(2026, 5, 15, 6, 30, 0);

const SIZES: Omit<GenerateOptions, "now">[] = [
  { servers: 1, jobs: 1, vms: 1, days: 2, seed: "tiny" },
  { servers: 3, jobs: 40, vms: 400, days: 30, seed: "demo" },
  { servers: 2, jobs: 6, vms: 300, days: 90, seed: "few jobs, many VMs" },
  { servers: 4, jobs: 120, vms: 900, days: 14, seed: "many jobs" },
];

/** The repository report's periods of the repositories whose capacity is known. */
function knownRepositories(inventory: Inventory) {
  const { periods } = repositoryReport(new InventoryView(inventory));
  return periods.filter((period) => period.capacity >= 0);
}

function assertRoomFor(inventory: Inventory): void {
  const repositories = knownRepositories(inventory);
  assert.ok(
    repositories.some((r) => r.backupSize > 0),
    "some repository holds backups",
  );
  for (const { name, capacity, freeSpace, backupSize } of repositories) {
    const used = capacity - freeSpace;
    assert.ok(backupSize <= used, `${name}: ${backupSize} bytes of backups in ${used} used`);
    assert.ok(used <= 0.8 * capacity, `${name}: ${used} of ${capacity} used`);
    if (backupSize > 0) assert.ok(used >= 0.4 * capacity, `${name}: ${used} of ${capacity} used`);
  }
}

describe("the room generated repositories have", () => {
  it("holds the default site's backups in each repository's used space, 40-80 % full", () => {
    assertRoomFor(defaultInventory(NOW));
  });

  for (const size of SIZES) {
    const label = `${size.servers} servers, ${size.jobs} jobs, ${size.vms} VMs, ${size.days} days`;
    it(`holds the backups of a site of ${label} in its used space, 40-80 % full`, () => {
      assertRoomFor(generateInventory({ ...size, now: NOW }));
    });
  }

  it("keeps object storage's capacity and free space unknown", () => {
    const { periods } = repositoryReport(new InventoryView(defaultInventory(NOW)));
    const unknown = periods.filter((period) => period.capacity < 0);
    assert.ok(unknown.length > 0);
    assert.ok(unknown.every((period) => period.freeSpace === -1));
  });
});
