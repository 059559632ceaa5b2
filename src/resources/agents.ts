/**
 * `/agents/discoveredComputers` and `/agents/protectionGroups`: computers with a Veeam Agent
 * and the protection groups that found them. Entity and links from the captured EM 12 reply
 * (veeam_agent_metrics_v12.json) and the vendor's agents_discoveredcomputers_id and
 * agents_protectiongroups_id pages.
 *
 * EM writes a DiscoveredComputer's Href as `…/backupTaskSessions/{ID}?format=Entity` (both the
 * capture and the docs), a path that does not lead to the computer; we write the computer's
 * own path so the Href can be followed. Its HierarchyObjRef carries `AgentForWindows` even for
 * Linux computers in the capture, and so it does here. The inventory does not record whether
 * a group rescans on a schedule: RescanScheduleEnabled is null.
 */
import type { Agent } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import { AGENT_PROTECTION_GROUP, DISCOVERED_COMPUTER } from "./kind-names.js";
import { byId } from "./by-id.js";
import { childrenOf } from "./relations.js";
import {
  alternateToEntity,
  alternateToRef,
  pathLink,
  pathOf,
  refLink,
  type ResourceKind,
} from "./resource-kind.js";
import { serverLink } from "./site.js";

const NO_HOST = "00000000-0000-0000-0000-000000000000";

export const discoveredComputers: ResourceKind<Agent> = {
  ...DISCOVERED_COMPUTER,
  ...byId("agents"),
  listElement: "DiscoveredComputers",
  nameOf: (agent) => agent.name,

  refLinks: (agent, ctx) => [
    serverLink(ctx, agent.backupServerId),
    alternateToEntity(discoveredComputers, agent, ctx),
  ],

  entityLinks: (agent, ctx) => [
    serverLink(ctx, agent.backupServerId),
    alternateToRef(discoveredComputers, agent, ctx),
    refLink(ctx, "Up", AGENT_PROTECTION_GROUP, agent.protectionGroupId, agent.protectionGroupName),
  ],

  levels: (agent) => [
    {
      elements: [
        ["HostStatus", agent.hostStatus],
        ["AgentVersion", agent.agentVersion],
        ["AgentStatus", agent.agentStatus],
        ["OsVersion", agent.osVersion],
        ["IpAddress", agent.ipAddress],
        ["HierarchyObjRef", `urn:AgentForWindows:VeeamAgent:${NO_HOST}.${agent.id}`],
      ],
    },
  ],
};

/** A protection group, known through the computers it found. */
export interface ProtectionGroup {
  id: string;
  name: string;
  backupServerId: string;
}

const groups = new WeakMap<InventoryView, Map<string, ProtectionGroup>>();

function groupsOf(view: InventoryView): Map<string, ProtectionGroup> {
  let found = groups.get(view);
  if (found !== undefined) return found;
  found = new Map();
  for (const agent of view.all("agents")) {
    if (found.has(agent.protectionGroupId)) continue;
    const { protectionGroupId: id, protectionGroupName: name, backupServerId } = agent;
    found.set(id, { id, name, backupServerId });
  }
  groups.set(view, found);
  return found;
}

export const protectionGroups: ResourceKind<ProtectionGroup> = {
  ...AGENT_PROTECTION_GROUP,
  listElement: "AgentProtectionGroups",
  guidIds: true,
  all: (ctx) => [...groupsOf(ctx.view).values()],
  find: (ctx, id) => groupsOf(ctx.view).get(id.toLowerCase()),
  idOf: (group) => group.id,
  nameOf: (group) => group.name,

  refLinks: (group, ctx) => [
    serverLink(ctx, group.backupServerId),
    alternateToEntity(protectionGroups, group, ctx),
    pathLink(
      ctx,
      "Down",
      `${pathOf(protectionGroups, group)}/discoveredComputers`,
      "DiscoveredComputerReferenceList",
    ),
  ],

  entityLinks: (group, ctx) => [
    serverLink(ctx, group.backupServerId),
    alternateToRef(protectionGroups, group, ctx),
    pathLink(
      ctx,
      "Down",
      `${pathOf(protectionGroups, group)}/discoveredComputers?format=Entity`,
      "DiscoveredComputerList",
    ),
  ],

  levels: (group) => [
    {
      elements: [
        ["RescanScheduleEnabled", null],
        ["HierarchyObjRef", `urn:AgentForWindows:AgentProtectionGroup:${NO_HOST}.${group.id}`],
      ],
    },
  ],

  children: {
    discoveredComputers: {
      kind: () => discoveredComputers,
      items: (group, ctx) => childrenOf(ctx.view, "agents", "protectionGroupId", group.id),
    },
  },
};
