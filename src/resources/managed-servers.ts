/**
 * `/managedServers`: servers a backup server manages. Shapes from the vendor's
 * managedservers_id page (13.1); its entity's Up link goes to the server's entity, not to its
 * reference. The page's `Related HierarchyRoot` link needs a root with the server's own id,
 * which the inventory does not record, so it is left out.
 */
import type { ManagedServer } from "../inventory/model.js";
import { byId } from "./by-id.js";
import { BACKUP_SERVER, MANAGED_SERVER } from "./kind-names.js";
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
    return [
      entityLink(ctx, "Up", BACKUP_SERVER, owner.id, owner.name),
      alternateToRef(managedServers, server, ctx),
    ];
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
