/**
 * `/catalog/vms`: VMs whose guest files are indexed, named (and addressed) by VM name: a
 * CatalogVm's UID is `urn:veeam:CatalogVm:<vm name>` (spec section 9). Shapes from the
 * vendor's catalog_vms_vmname page; each VM's points are under
 * `catalog/vms/{name}/vmRestorePoints`. VMs of one name on several hosts are one catalog VM.
 */
import type { VirtualMachine, VmRestorePoint } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import { CATALOG_VM } from "./kind-names.js";
import { pointName } from "./point-fields.js";
import { childrenOf } from "./relations.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  type ResourceKind,
} from "./resource-kind.js";
import { vmOf } from "./site.js";
import { utcTime } from "./time-format.js";

const catalogs = new WeakMap<InventoryView, Map<string, VirtualMachine[]>>();

/** Indexed VMs by name, in inventory order. */
function catalogOf(view: InventoryView): Map<string, VirtualMachine[]> {
  let byName = catalogs.get(view);
  if (byName !== undefined) return byName;
  byName = new Map();
  for (const vm of view.all("vms")) {
    if (!vm.indexed) continue;
    const same = byName.get(vm.name);
    if (same === undefined) byName.set(vm.name, [vm]);
    else same.push(vm);
  }
  catalogs.set(view, byName);
  return byName;
}

function pointsOf(view: InventoryView, name: string): VmRestorePoint[] {
  const vms = catalogOf(view).get(name) ?? [];
  return vms.flatMap((vm) => childrenOf(view, "vmRestorePoints", "vmId", vm.id));
}

const down = "CatalogVmRestorePointReferenceList";

export const catalogVms: ResourceKind<VirtualMachine> = {
  ...CATALOG_VM,
  listElement: "CatalogVms",
  guidIds: false,
  all: (ctx) => [...catalogOf(ctx.view).values()].map((same) => same[0]!),
  find: (ctx, name) => catalogOf(ctx.view).get(name)?.[0],
  idOf: (vm) => vm.name,
  nameOf: (vm) => vm.name,

  refLinks: (vm, ctx) => [
    alternateToEntity(catalogVms, vm, ctx),
    pathLink(ctx, "Down", `${pathOf(catalogVms, vm)}/vmRestorePoints`, down),
  ],

  entityLinks: (vm, ctx) => [
    alternateToRef(catalogVms, vm, ctx),
    pathLink(ctx, "Down", `${pathOf(catalogVms, vm)}/vmRestorePoints`, down),
  ],

  levels: (vm) => [{ elements: [], attributes: [["VmDisplayName", vm.name]] }],

  children: {
    vmRestorePoints: {
      kind: () => catalogVmRestorePoints,
      items: (vm, ctx) => catalogPoints(ctx.view, vm.name),
    },
  },
};

/** A restore point as the catalog lists it: under the name of its VM. */
export interface CatalogPoint {
  vmName: string;
  point: VmRestorePoint;
}

function catalogPoints(view: InventoryView, name: string): CatalogPoint[] {
  return pointsOf(view, name).map((point) => ({ vmName: name, point }));
}

/** A catalog VM's restore points (XSD CatalogVmRestorePointEntityType: BackupDateUTC). */
export const catalogVmRestorePoints: ResourceKind<CatalogPoint> = {
  collection: "catalog/vms",
  entityType: "CatalogVmRestorePoint",
  listElement: "CatalogVmRestorePoints",
  guidIds: true,
  all: (ctx) => [...catalogOf(ctx.view).keys()].flatMap((name) => catalogPoints(ctx.view, name)),
  find(ctx, id) {
    const point = ctx.view.get("vmRestorePoints", id);
    if (point === undefined) return undefined;
    const vm = vmOf(ctx.view, point.vmId);
    return vm.indexed ? { vmName: vm.name, point } : undefined;
  },
  idOf: (item) => item.point.id,
  nameOf: (item, ctx) => pointName(vmOf(ctx.view, item.point.vmId), item.point.creationTime),
  pathOf: (item) =>
    `${CATALOG_VM.collection}/${encodeURIComponent(item.vmName)}/vmRestorePoints/${item.point.id}`,
  refLinks: (item, ctx) => [alternateToEntity(catalogVmRestorePoints, item, ctx)],
  entityLinks: (item, ctx) => [alternateToRef(catalogVmRestorePoints, item, ctx)],
  levels: (item) => [{ elements: [["BackupDateUTC", utcTime(item.point.creationTime)]] }],
};
