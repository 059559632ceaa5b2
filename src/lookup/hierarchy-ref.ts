import type { HierarchyRoot, VirtualMachine } from "../inventory/model.js";

/**
 * A virtual-infrastructure object's reference, `urn:<Platform>:<Type>:<HierarchyRootId>.<ObjectRef>`
 * (constructing_hierarchyobjreftype): the platform of its host, its type, the EM id of the
 * hierarchy root it lives on, and its own id there (a vSphere mo-ref such as `vm-7870`).
 * The vendor's examples use the root's EM id, not the host's own unique id: vcenter01's
 * HierarchyRootId de28dc43-… is the prefix of its VMs' refs (get_query_hierarchyroot,
 * get_query_vmrestorepoint).
 */

export type Platform = "VMware" | "HyperV" | "vCloud";

/** The platform of a host type (`VC`, `ESXi`, `HvServer`, `VcdSystem`, …). */
export function platformOf(hostType: string): Platform {
  const type = hostType.toLowerCase();
  if (type.startsWith("hv") || type === "hyperv" || type === "scvmm") return "HyperV";
  if (type.startsWith("vcd") || type === "vcloud") return "vCloud";
  return "VMware";
}

/** The object type in a VM's or vApp's reference: `Vm`, or `Vapp` / `VirtualApp`. */
export function objectTypeOf(root: HierarchyRoot, vm: VirtualMachine): string {
  if (!vm.isVApp) return "Vm";
  return platformOf(root.hostType) === "vCloud" ? "Vapp" : "VirtualApp";
}

export function hierarchyRefOf(root: HierarchyRoot, vm: VirtualMachine): string {
  return `urn:${platformOf(root.hostType)}:${objectTypeOf(root, vm)}:${root.id}.${vm.moref}`;
}
