/**
 * `/hierarchyRoots`: virtualization hosts (vCenter, Hyper-V, vCloud) added to backup servers.
 * Shapes from the vendor's hierarchyroots_id page (13.1), without its `Related ManagedServer`
 * link: the inventory does not tie a root to a managed server.
 */
import type { HierarchyRoot } from "../inventory/model.js";
import { byId } from "./by-id.js";
import { HIERARCHY_ROOT } from "./kind-names.js";
import { alternateToEntity, alternateToRef, type ResourceKind } from "./resource-kind.js";
import { serverLink } from "./site.js";

export const hierarchyRoots: ResourceKind<HierarchyRoot> = {
  ...HIERARCHY_ROOT,
  ...byId("hierarchyRoots"),
  listElement: "HierarchyRoots",
  nameOf: (root) => root.name,

  refLinks: (root, ctx) => [
    serverLink(ctx, root.backupServerId),
    alternateToEntity(hierarchyRoots, root, ctx),
  ],

  entityLinks: (root, ctx) => [
    serverLink(ctx, root.backupServerId),
    alternateToRef(hierarchyRoots, root, ctx),
  ],

  levels: (root) => [
    {
      elements: [
        ["HierarchyRootId", root.id],
        ["UniqueId", root.uniqueId],
        ["HostType", root.hostType],
      ],
    },
  ],
};
