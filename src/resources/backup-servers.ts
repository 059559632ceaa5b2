/**
 * `/backupServers`: the backup servers connected to Enterprise Manager.
 * Entity and links: the captured EM 12 reply (backup_servers_metrics_v12.json), which adds
 * WcfPort and VbrCertificateThumbprint to the XSD's Description, Port, Version. Reference
 * links: the vendor's backupservers_id page (13.1).
 */
import type { BackupServer } from "../inventory/model.js";
import type { Link } from "../representation/representation.js";
import { byId } from "./by-id.js";
import { BACKUP_SERVER } from "./kind-names.js";
import { emptyInfoList } from "./empty-lists.js";
import { childrenOf } from "./relations.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  type ResourceContext,
  type ResourceKind,
} from "./resource-kind.js";
import { externalRepositories } from "./external-repositories.js";
import { jobs } from "./jobs.js";
import { managedServers } from "./managed-servers.js";
import { repositories } from "./repositories.js";

function self(server: BackupServer): string {
  return pathOf(backupServers, server);
}

function down(ctx: ResourceContext, server: BackupServer, child: string, type: string): Link {
  return pathLink(ctx, "Down", `${self(server)}/${child}`, type);
}

export const backupServers: ResourceKind<BackupServer> = {
  ...BACKUP_SERVER,
  ...byId("backupServers"),
  listElement: "BackupServers",
  nameOf: (server) => server.name,

  refLinks: (server, ctx) => [
    alternateToEntity(backupServers, server, ctx),
    down(ctx, server, "jobs", "JobReferenceList"),
    down(ctx, server, "repositories", "RepositoryReferenceList"),
    down(ctx, server, "credentials", "CredentialsList"),
    down(ctx, server, "passwords", "PasswordKeyList"),
  ],

  entityLinks(server, ctx) {
    const edit = { ...alternateToRef(backupServers, server, ctx), name: null };
    return [
      alternateToRef(backupServers, server, ctx),
      { ...edit, rel: "Edit" },
      { ...edit, rel: "Delete" },
      down(ctx, server, "jobs", "JobReferenceList"),
      down(ctx, server, "managedServers", "ManagedServerReferenceList"),
      down(ctx, server, "repositories", "RepositoryReferenceList"),
      down(ctx, server, "externalRepositories", "ExternalRepositoryReferenceList"),
      down(ctx, server, "credentials", "CredentialsList"),
      pathLink(ctx, "Create", `${self(server)}/credentials?action=create`, null),
      down(ctx, server, "passwords", "PasswordKeyList"),
      pathLink(ctx, "Create", `${self(server)}/passwords?action=create`, null),
      pathLink(ctx, "VeeamZip", `${self(server)}?action=veeamzip`, null),
      pathLink(ctx, "QuickBackup", `${self(server)}?action=quickbackup`, null),
      pathLink(ctx, "Start", `${self(server)}?action=collect`, null),
    ];
  },

  levels: (server) => [
    {
      elements: [
        ["Description", server.description],
        ["Port", server.port],
        ["Version", server.version],
        ["WcfPort", server.wcfPort],
        ["VbrCertificateThumbprint", server.certificateThumbprint],
      ],
    },
  ],

  children: {
    jobs: {
      kind: () => jobs,
      items: (s, ctx) => childrenOf(ctx.view, "jobs", "backupServerId", s.id),
    },
    managedServers: {
      kind: () => managedServers,
      items: (s, ctx) => childrenOf(ctx.view, "managedServers", "backupServerId", s.id),
    },
    repositories: {
      kind: () => repositories,
      items: (s, ctx) => childrenOf(ctx.view, "repositories", "backupServerId", s.id),
    },
    externalRepositories: {
      kind: () => externalRepositories,
      items: (s, ctx) => childrenOf(ctx.view, "externalRepositories", "backupServerId", s.id),
    },
    // The inventory holds no credentials or password keys: both lists are empty.
    credentials: { nodes: () => emptyInfoList("CredentialsInfoList", "CredentialsInfo") },
    passwords: { nodes: () => emptyInfoList("PasswordKeyInfoList", "PasswordKeyInfo") },
  },
};
