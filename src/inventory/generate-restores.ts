import type { JobPlan } from "./generate-jobs.js";
import type { Inventory } from "./model.js";
import { RESTORE_FAILURES, RESTORE_KINDS, RESTORE_OPERATORS } from "./names.js";
import type { Random } from "./random.js";

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** How long each kind of restore takes, in minutes, at least and at most. */
const DURATIONS: Record<string, [number, number]> = {
  FileLevelRestore: [5, 45],
  FullVMRestore: [20, 180],
  InstantRecovery: [2, 10],
};

/** Some restores from the VM restore points, about one a server every three days. */
export function buildRestores(
  inventory: Inventory,
  options: { days: number; servers: number; now: number },
  random: Random,
): void {
  const points = inventory.vmRestorePoints;
  if (points.length === 0) return;
  const count = Math.min(200, Math.max(1, Math.round((options.days * options.servers) / 3)));
  for (let r = 0; r < count; r++) {
    const point = random.pick(points);
    const earliest = point.creationTime + HOUR;
    if (earliest > options.now) continue;
    const creationTime = Math.round(random.between(earliest, options.now));
    const jobType = random.pick(RESTORE_KINDS);
    const [least, most] = DURATIONS[jobType]!;
    const draw = random.next();
    const result = draw < 0.9 ? "Success" : draw < 0.95 ? "Warning" : "Failed";
    inventory.restoreSessions.push({
      id: random.guid(),
      vmRestorePointId: point.id,
      jobType,
      creationTime,
      endTime: creationTime + random.int(least, most) * MINUTE,
      result,
      failureMessage: result === "Failed" ? random.pick(RESTORE_FAILURES) : "",
      initiatedBy: `EXAMPLE\\${random.pick(RESTORE_OPERATORS)}`,
    });
  }
}

/** A failover plan for the first replica job of each server, starting its replicas. */
export function buildFailoverPlans(inventory: Inventory, plans: JobPlan[], random: Random): void {
  const covered = new Set<string>();
  for (const plan of plans) {
    if (plan.job.jobType !== "Replica" || covered.has(plan.site.server.id)) continue;
    covered.add(plan.site.server.id);
    inventory.failoverPlans.push({
      id: random.guid(),
      backupServerId: plan.site.server.id,
      name: `${plan.site.site.toUpperCase()} Failover ${plan.label}`,
      description: `Starts the replicas of ${plan.job.name} in order`,
      vmIds: plan.vms.map((vm) => vm.id),
    });
  }
}
