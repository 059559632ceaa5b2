import { Fault } from "../faults/fault.js";
import { uidOf, type HierarchyRoot, type VirtualMachine } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import type { Link } from "../representation/representation.js";
import { vmObjRef } from "../resources/site.js";
import { hierarchyRefOf, objectTypeOf } from "./hierarchy-ref.js";
import { wildcardMatcher } from "./name-wildcard.js";

/**
 * The virtual-infrastructure lookup (lookup_service, lookup_query, get_lookup): the objects
 * of one hierarchy root by name and type, or one object by its reference. The inventory
 * models the VMs and vApps that jobs protect; the other object types the vendor lists
 * (hosts, folders, datastores, tags…) answer 501.
 */

export interface HierarchyItem {
  objectRef: string;
  objectType: string;
  objectName: string;
}

export interface LookupParameters {
  host?: string;
  name?: string;
  type?: string;
  hierarchyRef?: string;
}

// The object types of lookup_query, over VMware, Cloud Director and Hyper-V.
const VENDOR_TYPES = [
  "VM",
  "Host",
  "Cluster",
  "Template",
  "VirtualApp",
  "Vc",
  "Datacenter",
  "Folder",
  "Datastore",
  "ComputeResource",
  "ResourcePool",
  "Tag",
  "Category",
  "StoragePod",
  "VcdSystem",
  "Organization",
  "OrgVdc",
  "Vapp",
  "VappTemplate",
  "VmTemplate",
  "Scvmm",
  "HostGroup",
  "VmGroup",
];

/** The LookupSvc's links: Up to the caller's session, then every root's VMs (`name=*`). */
export function lookupSvcLinks(apiBase: string, sessionHref: string, view: InventoryView): Link[] {
  const roots = view.all("hierarchyRoots").map((root): Link => ({
    rel: "Down",
    href: `${apiBase}lookup?host=${uidOf("HierarchyRoot", root.id)}&name=*&type=Vm`,
    name: null,
    type: "HierarchyItemList",
  }));
  return [{ rel: "Up", href: sessionHref, name: null, type: "LogonSession" }, ...roots];
}

/** The items a lookup finds; a missing or unknown parameter is a fault naming it. */
export function lookUp(view: InventoryView, parameters: LookupParameters): HierarchyItem[] {
  if (given(parameters.hierarchyRef)) return [byReference(view, parameters.hierarchyRef.trim())];

  if (!given(parameters.host)) {
    throw new Fault(
      "InvalidQuery",
      "A lookup needs host=<HierarchyRoot UID> and type, or hierarchyRef.",
    );
  }
  const root = rootOf(view, parameters.host);
  const wantVApps = objectKind(parameters.type);
  const matches = wildcardMatcher(given(parameters.name) ? parameters.name : "*");
  return view
    .all("vms")
    .filter((vm) => vm.hierarchyRootId === root.id && Boolean(vm.isVApp) === wantVApps)
    .filter((vm) => matches(vm.name))
    .map((vm) => itemOf(root, vm));
}

// A ref is matched in lookup's own form (the root's EM id) and in the form the resources
// write in includes, restore points and task sessions (the root's UniqueId), so a client may
// look up a ref it read anywhere in the API.
function byReference(view: InventoryView, ref: string): HierarchyItem {
  const wanted = ref.toLowerCase();
  for (const vm of view.all("vms")) {
    const root = view.get("hierarchyRoots", vm.hierarchyRootId);
    if (root === undefined) continue;
    const forms = [hierarchyRefOf(root, vm), vmObjRef(view, vm)];
    if (forms.some((form) => form.toLowerCase() === wanted)) return itemOf(root, vm);
  }
  throw new Fault("NotFound", `There is no object with the reference ${shown(ref)}.`);
}

function rootOf(view: InventoryView, host: string): HierarchyRoot {
  const text = host.trim();
  const id = text.toLowerCase().startsWith("urn:veeam:hierarchyroot:") ? text.slice(24) : text;
  const root = view.get("hierarchyRoots", id);
  if (root === undefined) throw new Fault("NotFound", `There is no hierarchy root ${shown(text)}.`);
  return root;
}

// Whether the type asks for vApps (true) or VMs (false); others are not modelled.
function objectKind(type: string | undefined): boolean {
  if (!given(type)) throw new Fault("InvalidQuery", `A lookup needs a type, for example type=Vm.`);
  const wanted = type.trim().toLowerCase();
  if (wanted === "vm") return false;
  if (wanted === "vapp" || wanted === "virtualapp") return true;
  const known = VENDOR_TYPES.find((name) => name.toLowerCase() === wanted);
  if (known === undefined) {
    throw new Fault(
      "InvalidQuery",
      `There is no lookup type ${shown(type)}. The types are: ${VENDOR_TYPES.join(", ")}.`,
    );
  }
  throw new Fault(
    "NotImplemented",
    `Lookup of ${known} objects is not served by emrest yet: its inventory holds VMs and vApps only.`,
  );
}

function itemOf(root: HierarchyRoot, vm: VirtualMachine): HierarchyItem {
  return {
    objectRef: hierarchyRefOf(root, vm),
    objectType: objectTypeOf(root, vm),
    objectName: vm.name,
  };
}

function given(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function shown(text: string): string {
  return `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;
}
