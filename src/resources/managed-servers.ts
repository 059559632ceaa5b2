/**
 * `/managedServers`: servers a backup server manages. Shapes from the vendor's
 * managedservers_id page (13.1); its entity's Up link goes to the server's entity, not to its
 * reference. A managed server that is also a virtualization host (a vCenter) shares its id
 * with that hierarchy root, as in EM, and its entity then ends with a `Related` link to the
 * root's entity; a proxy or repository server has no root, so no such link.
 */
import type { ManagedServer } from "../inventory/model.js";
import { byId } from "./by-id.js";
import { BACKUP_SERVER, HIERARCHY_ROOT, MANAGED_SERVER } from "./kind-names.js";
import {
  alternateToEntity,
  alternateToRef,
  entityLink,
  type ResourceKind,
} from "./resource-kind.js";
import { must, serverLink } from "./site.js";

export const managedServers: ResourceKind<ManagedServer> = {
  ...MANAGED_SERVER,
  ...byId("managedServers"),
  listElement: "ManagedServers",
  nameOf: (server) => server.name,

  refLinks: (server, ctx) => [
    alternateToEntity(managedServers, server, ctx),
    serverLink(ctx, server.backupServerId),
  ],

  entityLinks(server, ctx) {
    const owner = must(ctx.view.get("backupServers", server.backupServerId), "backup server");
    const links = [
      entityLink(ctx, "Up", BACKUP_SERVER, owner.id, owner.name),
      alternateToRef(managedServers, server, ctx),
    ];
    const root = ctx.view.get("hierarchyRoots", server.id);
    if (root !== undefined)
      links.push(entityLink(ctx, "Related", HIERARCHY_ROOT, root.id, root.name));
    return links;
  },

  levels: (server) => [
    {
      elements: [
        ["Description", server.description],
        ["ManagedServerType", server.managedServerType],
      ],
    },
  ],
};
