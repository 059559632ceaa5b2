/**
 * `/failoverPlans`: replica failover plans. Shapes from the vendor's failoverplans_id page
 * (13.1); the plan's VMs are `FailoveredVm` resources under `failoverPlans/{ID}/includes`.
 */
import type { FailoverPlan } from "../inventory/model.js";
import { itemList, nested } from "../representation/resource.js";
import { byId } from "./by-id.js";
import { includedNodes, includesChild } from "./includes.js";
import { FAILOVER_PLAN } from "./kind-names.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  type ResourceKind,
} from "./resource-kind.js";
import { serverLink } from "./site.js";

export const failoverPlans: ResourceKind<FailoverPlan> = {
  ...FAILOVER_PLAN,
  ...byId("failoverPlans"),
  listElement: "FailoverPlans",
  nameOf: (plan) => plan.name,

  refLinks: (plan, ctx) => [
    serverLink(ctx, plan.backupServerId),
    alternateToEntity(failoverPlans, plan, ctx),
  ],

  entityLinks(plan, ctx) {
    const self = pathOf(failoverPlans, plan);
    return [
      serverLink(ctx, plan.backupServerId),
      alternateToRef(failoverPlans, plan, ctx),
      { ...alternateToRef(failoverPlans, plan, ctx), rel: "Edit" },
      pathLink(ctx, "Start", `${self}?action=start`, null),
      pathLink(ctx, "Undo", `${self}?action=undo`, null),
    ];
  },

  levels(plan, ctx) {
    const vms = includedNodes(ctx, "FailoveredVm", pathOf(failoverPlans, plan), plan.vmIds);
    const info = nested({
      elements: [["Includes", itemList("FailoveredVm", "FailoveredVms", vms)]],
    });
    return [
      {
        elements: [
          ["Description", plan.description],
          ["FailoverPlanInfo", info],
        ],
      },
    ];
  },

  children: {
    includes: includesChild<FailoverPlan>("FailoveredVm", "FailoveredVms", (plan) =>
      pathOf(failoverPlans, plan),
    ),
  },
};
