/**
 * One hand-made site whose report figures are worked out by hand in the tests: two backup
 * servers, three repositories, five VMs (one never backed up, one replicated), six jobs (one
 * run only by hand, one disabled, one running now) and runs inside and outside the 24 hours
 * before `now`, on both sides of the boundary.
 */
import { DAY, GIB, HOUR, MINUTE, ReportInventoryBuilder } from "./report-inventory.js";

export function reportSite(now: number) {
  const site = new ReportInventoryBuilder();
  const vbr1 = site.backupServer("vbr1.example.com");
  const vbr2 = site.backupServer("vbr2.example.com");
  site.managedServer(vbr1, "proxy1", ["Proxy"]);
  site.managedServer(vbr1, "proxy-repo", ["Proxy", "Repository"]);
  site.managedServer(vbr2, "repo-srv", ["Repository"]);
  site.managedServer(vbr1, "vcenter", []);

  const main = site.repository(vbr1, "Main Repository", 1000 * GIB, 400 * GIB);
  const cloud = site.repository(vbr2, "Cloud Bucket", -1, -1);
  site.repository(vbr2, "Empty Repository", 500 * GIB, 500 * GIB);

  const web = site.vm("web", 40 * GIB);
  const db = site.vm("db", 100 * GIB);
  const mail = site.vm("mail", 60 * GIB);
  const scratch = site.vm("scratch", 10 * GIB);
  const dr = site.vm("dr", 80 * GIB);

  const daily = site.job(vbr1, { name: "Daily", repository: main, vms: [web, db, mail] });
  const manual = site.job(vbr1, {
    name: "Manual",
    scheduleConfigured: false,
    repository: main,
    vms: [scratch],
  });
  const replica = site.job(vbr2, { name: "Replica DR", jobType: "Replica", vms: [dr] });
  const running = site.job(vbr1, { name: "Running", repository: main, vms: [web] });
  const disabled = site.job(vbr1, {
    name: "Disabled",
    scheduleEnabled: false,
    repository: main,
    vms: [db],
  });
  const copy = site.job(vbr2, {
    name: "Offsite Copy",
    jobType: "BackupCopy",
    repository: cloud,
    vms: [web],
  });

  // Three days ago: outside the period; a full backup of everything.
  site.run(daily, {
    start: now - 3 * DAY - HOUR,
    end: now - 3 * DAY,
    result: "Success",
    tasks: [
      { vm: web, result: "Success" },
      { vm: db, result: "Success" },
      { vm: mail, result: "Success" },
    ],
    files: [{ type: "vbk", size: 100 * GIB }],
  });
  // Ended exactly 24 hours ago: just outside the period.
  site.run(daily, {
    start: now - DAY - 30 * MINUTE,
    end: now - DAY,
    result: "Success",
    tasks: [{ vm: mail, result: "Success" }],
  });
  // Started before the period, ended in it: counts, 5400 s, the longest backup run.
  site.run(daily, {
    start: now - 25 * HOUR,
    end: now - 23 * HOUR - 30 * MINUTE,
    result: "Failed",
    tasks: [{ vm: web, result: "Failed" }],
  });
  site.run(daily, {
    start: now - 5 * HOUR,
    end: now - 4 * HOUR,
    result: "Warning",
    tasks: [
      { vm: web, result: "Success" },
      { vm: db, result: "Failed" },
      { vm: mail, result: "Warning" },
    ],
    files: [{ type: "vib", size: 10 * GIB }],
  });
  site.run(replica, {
    start: now - 2 * HOUR,
    end: now - 90 * MINUTE,
    result: "Success",
    tasks: [{ vm: dr, result: "Success" }],
  });
  site.run(copy, {
    start: now - 80 * MINUTE,
    end: now - HOUR,
    result: "Success",
    tasks: [{ vm: web, result: "Success" }],
    files: [{ type: "vbk", size: 50 * GIB }],
  });
  // Working now: it will fail in 50 minutes, which no figure may know yet.
  site.run(running, {
    start: now - 10 * MINUTE,
    end: now + 50 * MINUTE,
    result: "Failed",
    tasks: [{ vm: web, result: "Failed" }],
  });

  return { site, view: site.view(), jobs: { daily, manual, replica, running, disabled, copy } };
}
