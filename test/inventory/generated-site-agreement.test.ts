import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultInventory } from "../../src/inventory/default-inventory.js";
import { generateInventory } from "../../src/inventory/generate.js";
import type { Inventory, Job, Result, TaskSession } from "../../src/inventory/model.js";
import { JOB_THEMES } from "../../src/inventory/names.js";

/**
 * A generated site read the way an operator reads it: job names against the VMs the jobs
 * hold, session results against their task sessions, backup files against the VMs inside.
 * Each property holds on the default site and on odd sizes (more jobs than VMs, more VMs
 * than themes, one job per server).
 */
const NOW = Date.UTC(2026, 5, 15, 6, 30, 0);
const SITES: [string, Inventory][] = [
  ["the default site", defaultInventory(NOW)],
  ...[
    { servers: 1, jobs: 20, vms: 5, days: 7 },
    { servers: 3, jobs: 3, vms: 100, days: 7 },
    { servers: 2, jobs: 40, vms: 30, days: 7 },
    { servers: 3, jobs: 40, vms: 400, days: 30 },
    { servers: 4, jobs: 2, vms: 9, days: 5 },
  ].map((size): [string, Inventory] => [
    JSON.stringify(size),
    generateInventory({ ...size, seed: "agreement", now: NOW }),
  ]),
];

type Ended = Exclude<Result, "None">;
const RANK: Record<Ended, number> = { Success: 0, Warning: 1, Failed: 2 };

/** `sql` for `sql-07`, `k8s-node` for `k8s-node-02`: what the VM's name says it is. */
const roleOf = (vmName: string) => vmName.replace(/-\d+$/, "");

/** `SQL Servers` for `FRA Backup SQL Servers 2`, with the site code and the kind of job. */
function nameParts(job: Job): { site: string; kind: string; label: string; theme: string } {
  const [, site, kind, label] = /^(\S+) (Backup|Copy|Replica) (.+?)(?: offsite)?$/.exec(job.name)!;
  return { site: site!, kind: kind!, label: label!, theme: label!.replace(/ \d+$/, "") };
}

function vmsOf(site: Inventory, job: Job) {
  return job.vmIds.map((id) => site.vms.find((vm) => vm.id === id)!);
}

function byServer(site: Inventory, job: Job, name: string): Job | undefined {
  return site.jobs.find(
    (other) => other.backupServerId === job.backupServerId && other.name === name,
  );
}

function tasksBySession(site: Inventory): Map<string, TaskSession[]> {
  const tasks = new Map<string, TaskSession[]>();
  for (const task of site.taskSessions) {
    tasks.set(task.jobSessionId, [...(tasks.get(task.jobSessionId) ?? []), task]);
  }
  return tasks;
}

for (const [what, site] of SITES) {
  describe(`the generated site ${what}`, () => {
    it("gives every job at least one VM, and every job and VM its own name", () => {
      for (const job of site.jobs) assert.ok(job.vmIds.length > 0, job.name);
      assert.equal(new Set(site.jobs.map((job) => job.name)).size, site.jobs.length);
      assert.equal(new Set(site.vms.map((vm) => vm.name)).size, site.vms.length);
    });

    it("backs up, in each backup job, only VMs of the role its name states", () => {
      for (const job of site.jobs.filter((j) => j.jobType === "Backup")) {
        const vms = vmsOf(site, job);
        if (job.platform === "vCloud") {
          assert.ok(
            vms.every((vm) => vm.isVApp && vm.name.startsWith("vapp-")),
            job.name,
          );
          continue;
        }
        const theme = JOB_THEMES.find((t) => t.name === nameParts(job).theme);
        assert.ok(theme, `${job.name} is named after no theme`);
        const roles = theme.roles.map((role) => role.prefix);
        for (const vm of vms) assert.ok(roles.includes(roleOf(vm.name)), `${job.name}: ${vm.name}`);
      }
    });

    it("copies, in each copy job, exactly the VMs of the backup job it names", () => {
      const copies = site.jobs.filter((j) => j.jobType === "BackupCopy");
      for (const copy of copies) {
        const { site: code, label } = nameParts(copy);
        const source = byServer(site, copy, `${code} Backup ${label}`);
        assert.ok(source, `${copy.name} names no backup job of its server`);
        assert.deepEqual(copy.vmIds, source.vmIds, copy.name);
      }
    });

    it("replicates, in each replica job, VMs that the backup job of the same name holds", () => {
      for (const replica of site.jobs.filter((j) => j.jobType === "Replica")) {
        const { site: code, label } = nameParts(replica);
        const source = byServer(site, replica, `${code} Backup ${label}`);
        assert.ok(source, `${replica.name} names no backup job of its server`);
        for (const id of replica.vmIds) assert.ok(source.vmIds.includes(id), replica.name);
      }
    });

    it("backs up every VM of a server that has backup jobs", () => {
      const backups = site.jobs.filter((j) => j.jobType === "Backup");
      for (const root of site.hierarchyRoots) {
        if (!backups.some((job) => job.backupServerId === root.backupServerId)) continue;
        for (const vm of site.vms.filter((v) => v.hierarchyRootId === root.id)) {
          assert.ok(
            backups.some((job) => job.vmIds.includes(vm.id)),
            `${vm.name} is in no backup job`,
          );
        }
      }
    });

    it("gives each session the worst result of its task sessions", () => {
      const tasks = tasksBySession(site);
      for (const session of site.jobSessions) {
        const mine = tasks.get(session.id) ?? [];
        assert.ok(mine.length > 0, "a session processed no VM");
        const worst = mine.reduce<Ended>(
          (a, t) => (RANK[t.result] > RANK[a] ? t.result : a),
          "Success",
        );
        assert.equal(session.result, worst);
      }
    });

    it("names, in a warning or failure message, a VM the session processed with that result", () => {
      const tasks = tasksBySession(site);
      for (const session of site.jobSessions) {
        if (session.result === "Success") {
          assert.equal(session.failureMessage, "");
          continue;
        }
        const troubled = tasks
          .get(session.id)!
          .filter((task) => task.result === session.result)
          .map((task) => site.vms.find((vm) => vm.id === task.vmId)!.name);
        const named = troubled.find((name) => session.failureMessage.startsWith(`${name}: `));
        assert.ok(named, `"${session.failureMessage}" names none of ${troubled.join(", ")}`);
      }
    });

    it("makes a full backup file about the VMs' used size shrunk by its ratios", () => {
      for (const file of site.backupFiles) {
        const used = usedBytesAt(site, file.restorePointId);
        const shrunk = file.dataSize / (file.deduplicationRatio * file.compressRatio);
        assert.ok(Math.abs(file.backupSize - shrunk) <= 1, file.filePath);
        if (file.fileType === "vbk") {
          assert.equal(file.dataSize, used, file.filePath);
          assert.ok(file.backupSize > used / 5 && file.backupSize < used * 0.7, file.filePath);
        } else {
          assert.ok(file.dataSize <= used * 0.1, `an increment of ${file.filePath} is too big`);
        }
      }
    });

    it("starts every VM's chain of points with a full one", () => {
      const points = new Map(site.restorePoints.map((p) => [p.id, p]));
      const first = new Map<string, { time: number; type: string }>();
      for (const vmPoint of [...site.vmRestorePoints, ...site.vmReplicaPoints]) {
        const point = points.get(vmPoint.restorePointId)!;
        const chain = `${point.backupId ?? point.replicaId}/${vmPoint.vmId}`;
        const seen = first.get(chain);
        if (!seen || vmPoint.creationTime < seen.time) {
          first.set(chain, { time: vmPoint.creationTime, type: vmPoint.pointType });
        }
      }
      for (const [chain, { type }] of first) assert.equal(type, "Full", chain);
    });
  });
}

/** The used size of the VMs with a point in this restore point. */
function usedBytesAt(site: Inventory, restorePointId: string): number {
  return [...site.vmRestorePoints, ...site.vAppRestorePoints]
    .filter((p) => p.restorePointId === restorePointId)
    .reduce((sum, p) => sum + site.vms.find((vm) => vm.id === p.vmId)!.sizeBytes, 0);
}

describe("the generated sites above", () => {
  it("include retried runs, so the messages of retries were checked too", () => {
    assert.ok(
      SITES.some(([, site]) => site.jobSessions.some((s) => s.isRetry && s.result !== "Success")),
    );
  });
});
