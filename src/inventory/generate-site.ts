import type {
  BackupServer,
  HierarchyRoot,
  Inventory,
  ManagedServer,
  Repository,
  VirtualMachine,
} from "./model.js";
import { AGENT_SYSTEMS, AGENT_VERSIONS, SERVER_VERSIONS, SITES, VM_ROLES } from "./names.js";
import { roleAt } from "./job-mix.js";
import type { Random } from "./random.js";

/** One backup server and what it manages, as the job builder needs them. */
export interface ServerSite {
  server: BackupServer;
  /** Short site code used in names, e.g. `ams` or `ams2`. */
  site: string;
  vms: VirtualMachine[];
  /** vApps on a vCloud root, protected by a vCloud job; only on the first server of a big enough site. */
  vApps: VirtualMachine[];
  repositories: Repository[];
}

const pad = (n: number) => String(n).padStart(2, "0");

export interface SiteCounts {
  servers: number;
  vms: number;
  withVApps: boolean;
  /** For each server, how many backup jobs share out its VMs by theme. */
  themedJobs: number[];
}

/** Backup servers with their managed servers, hierarchy roots, VMs and repositories. */
export function buildSites(inventory: Inventory, counts: SiteCounts, random: Random): ServerSite[] {
  const sites: ServerSite[] = [];
  for (let s = 0; s < counts.servers; s++) {
    const code =
      SITES[s % SITES.length]! + (s >= SITES.length ? Math.floor(s / SITES.length) + 1 : "");
    const server: BackupServer = {
      id: random.guid(),
      name: `vbr${pad(s + 1)}.${code}.example.com`,
      description: `Backup server of the ${code.toUpperCase()} site`,
      port: 9392,
      version: random.pick(SERVER_VERSIONS),
      wcfPort: 9393,
      certificateThumbprint: random.hexUpper(40),
    };
    inventory.backupServers.push(server);
    sites.push({ server, site: code, vms: [], vApps: [], repositories: [] });
    addManagedServers(inventory, server, code, counts.servers > 1, random);
    sites[s]!.repositories = addRepositories(inventory, server, code, s, random);
  }
  addVms(inventory, sites, counts, random);
  return sites;
}

function addManagedServers(
  inventory: Inventory,
  server: BackupServer,
  code: string,
  withWan: boolean,
  random: Random,
): void {
  const add = (name: string, type: string, roles: ManagedServer["roles"], description = "") =>
    inventory.managedServers.push({
      id: random.guid(),
      backupServerId: server.id,
      name,
      description,
      managedServerType: type,
      roles,
    });

  add(server.name, "Local", ["Proxy"], "Backup server");
  add(`vcsa.${code}.example.com`, "VC", [], "vCenter Server");
  const [hosts, proxies] = [random.int(2, 4), random.int(1, 3)];
  for (let h = 1; h <= hosts; h++) add(`esx${pad(h)}.${code}.example.com`, "ESXi", []);
  for (let p = 1; p <= proxies; p++) {
    add(`proxy${pad(p)}.${code}.example.com`, "Windows", ["Proxy"], "VMware backup proxy");
  }
  add(`repo01.${code}.example.com`, "Linux", ["Repository"], "Hardened repository");
  if (withWan) add(`wan01.${code}.example.com`, "Windows", ["WanAccelerator"]);
}

function addRepositories(
  inventory: Inventory,
  server: BackupServer,
  code: string,
  index: number,
  random: Random,
): Repository[] {
  const added: Repository[] = [];
  // Sized by sizeRepositories once the history has filled them; -1 stays unknown.
  const add = (name: string, kind: string, sized: boolean) => {
    const repository = {
      id: random.guid(),
      backupServerId: server.id,
      name,
      kind,
      capacity: sized ? 0 : -1,
      freeSpace: sized ? 0 : -1,
    };
    inventory.repositories.push(repository);
    added.push(repository);
  };

  add("Default Backup Repository", "WinLocal", true);
  add(`repo01-${code}-hardened`, "LinuxLocal", true);
  // Object storage reports no capacity (-1), as the captured replies show.
  if (index % 2 === 0) add(`s3-${code}-offsite`, "AmazonS3Compatible", false);
  else add(`dd-${code}-boost`, "DDBoost", true);
  return added;
}

function addVms(
  inventory: Inventory,
  sites: ServerSite[],
  counts: SiteCounts,
  random: Random,
): void {
  // Each vCenter root is the site's VC managed server under the same id, as EM has it.
  const roots = sites.map((site) => {
    const vCenter = inventory.managedServers.find(
      (server) => server.backupServerId === site.server.id && server.managedServerType === "VC",
    );
    return addRoot(inventory, site, "VC", vCenter!.name, random, vCenter!.id);
  });
  const vAppCount = counts.withVApps ? 2 : 0;
  const vCloudRoot = vAppCount
    ? addRoot(inventory, sites[0]!, "VCloud", "vcd.example.com", random)
    : null;
  const serials = new Map<string, number>();

  for (let v = 0; v < counts.vms; v++) {
    const isVApp = v < vAppCount;
    const s = isVApp ? 0 : v % sites.length;
    // A VM takes the theme of the backup job that will protect it (see buildJobs), so the
    // job's name tells what it holds; vApps sit apart in their own vCloud job.
    const position = sites[s]!.vms.length;
    const vmRole = isVApp ? random.pick(VM_ROLES) : roleAt(position, counts.themedJobs[s]!);
    const vm: VirtualMachine = {
      id: random.guid(),
      hierarchyRootId: isVApp ? vCloudRoot!.id : roots[s]!.id,
      name: nextName(`${isVApp ? "vapp-" : ""}${vmRole.prefix}`, serials),
      moref: isVApp ? `vapp-${random.guid()}` : `vm-${1000 + v * 7}`,
      sizeBytes: Math.round(random.between(vmRole.minBytes, vmRole.maxBytes)),
      indexed: vmRole.indexed && random.chance(0.7),
    };
    if (isVApp) vm.isVApp = true;
    inventory.vms.push(vm);
    (isVApp ? sites[0]!.vApps : sites[s]!.vms).push(vm);
  }
}

/** The next name for a prefix across the site: sql-01, sql-02… vApps count apart (vapp-sql-01). */
function nextName(prefix: string, serials: Map<string, number>): string {
  const serial = (serials.get(prefix) ?? 0) + 1;
  serials.set(prefix, serial);
  return `${prefix}-${pad(serial)}`;
}

function addRoot(
  inventory: Inventory,
  site: ServerSite,
  hostType: string,
  name: string,
  random: Random,
  id = random.guid(),
): HierarchyRoot {
  const root = {
    id,
    backupServerId: site.server.id,
    name,
    uniqueId: random.guid(),
    hostType,
  };
  inventory.hierarchyRoots.push(root);
  return root;
}

/** WAN accelerators (a pair or more when there are several servers), object-storage archives, agents. */
export function buildExtras(inventory: Inventory, sites: ServerSite[], random: Random): void {
  for (const [s, { server, site }] of sites.entries()) {
    if (sites.length > 1) {
      inventory.wanAccelerators.push({
        id: random.guid(),
        backupServerId: server.id,
        name: `wan01.${site}.example.com`,
        description: s === 0 ? "Source WAN accelerator" : "Target WAN accelerator",
        version: server.version,
        capacity: random.pick([100, 150, 200]),
        trafficPort: 6165,
        connectionsCount: 5,
      });
    }
    if (s % 2 === 0) {
      const kind = random.pick(["AmazonS3", "AzureBlob"]);
      inventory.externalRepositories.push({
        id: random.guid(),
        backupServerId: server.id,
        name: `${kind === "AmazonS3" ? "aws" : "azure"}-${site}-archive`,
        kind,
      });
    }
    addAgents(inventory, server, site, s, random);
  }
}

function addAgents(
  inventory: Inventory,
  server: BackupServer,
  site: string,
  s: number,
  random: Random,
) {
  const groups = [
    { id: random.guid(), name: `Agents_${site.toUpperCase()}_Windows`, os: [0, 1] },
    { id: random.guid(), name: `Agents_${site.toUpperCase()}_Linux`, os: [2, 3] },
  ];
  const count = random.int(2, 5);
  for (let a = 0; a < count; a++) {
    const group = groups[a % 2]!;
    inventory.agents.push({
      id: random.guid(),
      backupServerId: server.id,
      protectionGroupId: group.id,
      protectionGroupName: group.name,
      name: `phys${pad(a + 1)}.${site}.example.com`,
      hostStatus: random.chance(0.85) ? "Online" : "Offline",
      agentVersion: random.pick(AGENT_VERSIONS),
      agentStatus: random.chance(0.9) ? "Installed" : "NotInstalled",
      osVersion: AGENT_SYSTEMS[random.pick(group.os)]!,
      ipAddress: `10.${(s % 250) + 1}.20.${a + 11}`,
    });
  }
}
