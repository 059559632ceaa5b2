import type { InventoryView } from "../inventory/view.js";
import { reportIndex } from "./report-index.js";
import type { VmsOverviewReportFrame } from "./report-frames.js";
import { REPORT_LINKS } from "./report-links.js";
import { REPORT_PERIOD_MS } from "./report-period.js";
import { countLatestStates } from "./vm-latest-states.js";

/**
 * `/reports/summary/vms_overview`: "backed up and replicated VMs, available restore points"
 * (vendor page reports_summary_vms_overview).
 * - BackedUpVms: VMs (and vApps) with at least one restore point in a backup;
 *   ReplicatedVms: VMs with at least one replica restore point; ProtectedVms: VMs with
 *   either, so it is at most their sum and at least each of them.
 * - RestorePoints: VM, vApp and replica restore points created in the report period (the 24
 *   hours before `now`, see report-period.ts).
 * - FullBackupPointsSize, IncrementalBackupPointsSize: bytes of the backup files (`.vbk`,
 *   and `.vib`/`.vrb`) created in the period.
 * - ReplicaRestorePointsSize: the inventory keeps no size for replica points, so 0 (a gap
 *   the README lists).
 * - SourceVmsSize: used bytes of the protected VMs at the source.
 * - SuccessBackupPercents: the share of VMs with a latest state (the overview's three
 *   counts) whose latest state is Success, in whole percent rounded down, so 100 means no
 *   VM warned or failed; 0 when no VM has a state yet.
 */
export function vmsOverviewReport(view: InventoryView, now: number): VmsOverviewReportFrame {
  const index = reportIndex(view);
  const protectedVms = new Set([...index.backedUpVms, ...index.replicatedVms]);
  const from = now - REPORT_PERIOD_MS;

  return {
    protectedVms: protectedVms.size,
    backedUpVms: index.backedUpVms.size,
    replicatedVms: index.replicatedVms.size,
    restorePoints: index.restorePoints.countIn(from, now),
    fullBackupPointsSize: index.fullBackupFiles.sumIn(from, now),
    incrementalBackupPointsSize: index.incrementalBackupFiles.sumIn(from, now),
    replicaRestorePointsSize: 0,
    sourceVmsSize: sum([...protectedVms].map((id) => view.get("vms", id)?.sizeBytes ?? 0)),
    successBackupPercents: successPercent(view, now),
    protectedVmsReportLink: REPORT_LINKS.protectedVms,
  };
}

function successPercent(view: InventoryView, now: number): number {
  const { successful, warning, failed } = countLatestStates(view, now);
  const all = successful + warning + failed;
  return all === 0 ? 0 : Math.floor((successful * 100) / all);
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
