import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { overviewReport } from "../../src/reports/overview-report.js";
import { HOUR } from "../helpers/report-inventory.js";
import { reportSite } from "../helpers/report-site.js";

const NOW = Date.UTC(2026, 5, 15, 12, 0, 0);

describe("the overview report frame", () => {
  const { view } = reportSite(NOW);
  const frame = overviewReport(view, NOW);

  it("counts backup servers, and proxy and repository servers by role", () => {
    assert.equal(frame.backupServers, 2);
    // proxy1 and proxy-repo are proxies; proxy-repo and repo-srv hold repositories.
    assert.equal(frame.proxyServers, 2);
    assert.equal(frame.repositoryServers, 2);
  });

  it("counts the one job Working now as running", () => {
    assert.equal(frame.runningJobs, 1);
  });

  it("counts scheduled jobs, leaving out the one run by hand and the disabled one", () => {
    // Daily, Replica DR, Running and Offsite Copy.
    assert.equal(frame.scheduledJobs, 4);
  });

  it("counts VMs by the result of their latest finished task", () => {
    // web: the copy an hour ago succeeded (its running task does not count yet); dr
    // succeeded; mail warned and db failed four hours ago; scratch was never processed.
    assert.deepEqual(
      [frame.successfulVmLastestStates, frame.warningVmLastestStates, frame.failedVmLastestStates],
      [2, 1, 1],
    );
  });

  it("sees the running job's failure only once it has ended", () => {
    const later = overviewReport(view, NOW + HOUR);
    assert.equal(later.runningJobs, 0);
    assert.equal(later.successfulVmLastestStates, 1);
    assert.equal(later.failedVmLastestStates, 2);
  });
});
