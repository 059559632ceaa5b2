import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyInventory } from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import { vmsOverviewReport } from "../../src/reports/vms-overview-report.js";
import { GIB } from "../helpers/report-inventory.js";
import { reportSite } from "../helpers/report-site.js";

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe("the VMs overview report frame", () => {
  const { view } = reportSite(NOW);
  const frame = vmsOverviewReport(view, NOW);

  it("counts VMs with backup points, with replica points, and either", () => {
    // web, db and mail are backed up, dr is replicated, scratch was never protected.
    assert.equal(frame.backedUpVms, 3);
    assert.equal(frame.replicatedVms, 1);
    assert.equal(frame.protectedVms, 4);
  });

  it("counts the restore points created in the 24 hours before now", () => {
    // web and mail four hours ago, dr's replica point, web's copy an hour ago; the point
    // made exactly 24 h ago and those of three days ago are out.
    assert.equal(frame.restorePoints, 4);
  });

  it("adds up the full and incremental backup files of the period", () => {
    assert.equal(frame.fullBackupPointsSize, 50 * GIB);
    assert.equal(frame.incrementalBackupPointsSize, 10 * GIB);
    assert.equal(frame.replicaRestorePointsSize, 0);
  });

  it("adds up the source size of the protected VMs only", () => {
    assert.equal(frame.sourceVmsSize, (40 + 100 + 60 + 80) * GIB);
  });

  it("gives the share of VMs whose latest state is Success, rounded down", () => {
    // Two of the four VMs with a state succeeded.
    assert.equal(frame.successBackupPercents, 50);
  });

  it("reports 0 per cent, not 100, when no VM has been processed", () => {
    const empty = vmsOverviewReport(new InventoryView(emptyInventory()), NOW);
    assert.equal(empty.successBackupPercents, 0);
    assert.equal(empty.protectedVms, 0);
  });
});
