/**
 * Lookups across the inventory that many kinds share: the backup server behind an object,
 * a VM's platform reference. The inventory is validated on load (every reference resolves),
 * so a missing object here is a bug, reported as one.
 */
import type { Job, RestorePoint, VirtualMachine } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import type { Link } from "../representation/representation.js";
import { BACKUP_SERVER } from "./kind-names.js";
import { refLink, type ResourceContext } from "./resource-kind.js";

export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`inventory reference not found: ${what}`);
  return value;
}

/** The `Up` link to a backup server's reference, named after the server. */
export function serverLink(ctx: ResourceContext, serverId: string, rel = "Up"): Link {
  const server = must(ctx.view.get("backupServers", serverId), `backup server ${serverId}`);
  return refLink(ctx, rel, BACKUP_SERVER, server.id, server.name);
}

export function jobOf(view: InventoryView, jobId: string): Job {
  return must(view.get("jobs", jobId), `job ${jobId}`);
}

/** The job a restore point came from: through its backup, or its replica. */
export function jobOfRestorePoint(view: InventoryView, point: RestorePoint): Job {
  if (point.backupId !== null) {
    const backup = must(view.get("backups", point.backupId), `backup ${point.backupId}`);
    return jobOf(view, backup.jobId);
  }
  const replica = must(view.get("replicas", point.replicaId ?? ""), `replica of ${point.id}`);
  return jobOf(view, replica.jobId);
}

export function restorePointOf(view: InventoryView, id: string): RestorePoint {
  return must(view.get("restorePoints", id), `restore point ${id}`);
}

export function vmOf(view: InventoryView, id: string): VirtualMachine {
  return must(view.get("vms", id), `VM ${id}`);
}

// The vendor's hierarchy references name the platform: urn:VMware:Vm:<vCenter id>.vm-1618,
// urn:HyperV:Vm:…, urn:vCloud:Vapp:… (constructing_hierarchyobjreftype page).
function platformOf(hostType: string): string {
  if (/^(HyperV|Hv)/i.test(hostType)) return "HyperV";
  if (/^vCloud/i.test(hostType)) return "vCloud";
  return "VMware";
}

/** `urn:VMware:Vm:<root unique id>.<moref>`, a VM's (or vApp's) `HierarchyObjRef`. */
export function vmObjRef(view: InventoryView, vm: VirtualMachine): string {
  const root = must(view.get("hierarchyRoots", vm.hierarchyRootId), `root ${vm.hierarchyRootId}`);
  const type = vm.isVApp === true ? "Vapp" : "Vm";
  return `urn:${platformOf(root.hostType)}:${type}:${root.uniqueId}.${vm.moref}`;
}

/** The last part of a Windows or Linux path: a backup file's name. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("\\"), path.lastIndexOf("/")) + 1);
}
