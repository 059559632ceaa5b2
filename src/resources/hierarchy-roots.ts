/**
 * `/hierarchyRoots`: virtualization hosts (vCenter, Hyper-V, vCloud) added to backup servers.
 * Shapes from the vendor's hierarchyroots_id page (13.1). A root is also a managed server in
 * EM, under the same id; where the inventory has that managed server, the root's entity ends
 * with a `Related` link to its entity (a root without one, such as a vCloud Director, has none).
 */
import type { HierarchyRoot } from "../inventory/model.js";
import { byId } from "./by-id.js";
import { HIERARCHY_ROOT, MANAGED_SERVER } from "./kind-names.js";
import {
  alternateToEntity,
  alternateToRef,
  entityLink,
  type ResourceKind,
} from "./resource-kind.js";
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

  entityLinks(root, ctx) {
    const links = [serverLink(ctx, root.backupServerId), alternateToRef(hierarchyRoots, root, ctx)];
    const server = ctx.view.get("managedServers", root.id);
    if (server !== undefined) {
      links.push(entityLink(ctx, "Related", MANAGED_SERVER, server.id, server.name));
    }
    return links;
  },

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
