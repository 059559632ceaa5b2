import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { processedVmsReport } from "../../src/reports/processed-vms-report.js";
import { DAY, MINUTE } from "../helpers/report-inventory.js";
import { reportSite } from "../helpers/report-site.js";

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe("the processed VMs report frame", () => {
  const { view } = reportSite(NOW);
  const frame = processedVmsReport(view, NOW);

  it("lists seven UTC days, today first, stamped with their midnight", () => {
    const today = Date.UTC(2026, 5, 15);
    assert.deepEqual(
      frame.days.map((day) => day.timestamp),
      [0, 1, 2, 3, 4, 5, 6].map((back) => today - back * DAY),
    );
  });

  it("counts distinct VMs backed up and replicated each day, leaving out failed tasks", () => {
    assert.deepEqual(
      frame.days.map((day) => [day.backupedVms, day.replicatedVms]),
      [
        [2, 1], // today: web (twice) and mail backed up, db failed; dr replicated
        [1, 0], // yesterday: mail at noon; web's task failed
        [0, 0],
        [3, 0], // three days ago: web, db and mail
        [0, 0],
        [0, 0],
        [0, 0],
      ],
    );
  });

  it("counts a task on the day it ends, not before", () => {
    const { site, jobs } = reportSite(NOW);
    const scratch = site.inventory.vms.find((vm) => vm.name === "scratch")!;
    site.run(jobs.manual, {
      start: NOW - 10 * MINUTE,
      end: NOW + 10 * MINUTE,
      result: "Success",
      tasks: [{ vm: scratch, result: "Success" }],
    });
    const view = site.view();

    assert.equal(processedVmsReport(view, NOW).days[0].backupedVms, 2);
    assert.equal(processedVmsReport(view, NOW + 20 * MINUTE).days[0].backupedVms, 3);
  });
});
