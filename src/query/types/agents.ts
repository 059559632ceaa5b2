import type { Agent } from "../../inventory/model.js";
import type { QueryType } from "../query-type.js";
import { serverOf } from "../relations.js";
import { backupServer, ownUid, text } from "./common.js";

// The properties the vendor's get_query_discoveredcomputer page lists. The objects are those of
// /agents/discoveredComputers, where the captured exporter (veeam_agent_metrics_v12) reads them.
export const DISCOVERED_COMPUTER: QueryType<Agent> = {
  name: "DiscoveredComputer",
  entities: "DiscoveredComputers",
  items: (view) => view.all("agents"),
  properties: [
    ownUid("DiscoveredComputer"),
    text("Name", (agent) => agent.name),
    ...backupServer<Agent>((agent, view) => serverOf(view, agent.backupServerId)),
  ],
};
