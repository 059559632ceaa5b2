/**
 * The VMs a job or failover plan processes, as nested `ObjectInJob` / `FailoveredVm`
 * resources (vendor's Job and FailoverPlan examples, resource_representation_for_ke and
 * failoverplans_id). Each is addressed by the VM's id under `…/includes/`; guest processing
 * options are not part of the inventory and are null.
 */
import type { NodeChild, ResourceContext } from "./resource-kind.js";
import type { NodeModel } from "../representation/resource.js";
import { vmObjRef, vmOf } from "./site.js";

export type IncludedElement = "ObjectInJob" | "FailoveredVm";

export function includedNodes(
  ctx: ResourceContext,
  element: IncludedElement,
  ownerPath: string,
  vmIds: readonly string[],
): NodeModel[] {
  return vmIds.map((vmId, order) => includedNode(ctx, element, ownerPath, vmId, order));
}

function includedNode(
  ctx: ResourceContext,
  element: IncludedElement,
  ownerPath: string,
  vmId: string,
  order: number,
): NodeModel {
  const vm = vmOf(ctx.view, vmId);
  return {
    resource: { href: `${ctx.apiBase}${ownerPath}/includes/${vm.id}`, type: element, links: null },
    elements: [
      [`${element}Id`, vm.id],
      ["HierarchyObjRef", vmObjRef(ctx.view, vm)],
      ["Name", vm.name],
      ["DisplayName", vm.name],
      ["Order", order],
      ["GuestProcessingOptions", null],
    ],
  };
}

/** `…/includes` and `…/includes/{ID}` of an owner holding `vmIds`. */
export function includesChild<T extends { vmIds: readonly string[] }>(
  element: IncludedElement,
  rootElement: string,
  ownerPath: (owner: T) => string,
): NodeChild<T> {
  return {
    nodes: (owner, ctx) => ({
      rootElement,
      itemElement: element,
      jsonName: `${element}s`,
      items: includedNodes(ctx, element, ownerPath(owner), owner.vmIds),
    }),
    item(owner, id, ctx) {
      const order = owner.vmIds.indexOf(id.toLowerCase());
      if (order === -1) return undefined;
      return {
        element,
        node: includedNode(ctx, element, ownerPath(owner), owner.vmIds[order]!, order),
      };
    },
  };
}
