/**
 * The elements of each entity in XML, in the order of the vendor's resource pages (13.x
 * `…_id` pages; the captured JSON's order where a capture exists), less those the inventory
 * does not hold (README, "Not yet"; docs/fixtures.md, "XML"). XML readers bound to the
 * vendor's schema need this order; no XML capture of these kinds was available.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";

interface Kind {
  path: string;
  /** Every element after Links, in the vendor's order. */
  vendor: string[];
  /** Those emrest leaves out, having no value for them. */
  notHeld?: string[];
}

const SESSION = ["JobUid", "JobName", "JobType", "CreationTimeUTC", "EndTimeUTC", "State"];
const SESSION_END = ["Result", "Progress", "FailureMessage"];
const TASK = ["JobSessionUid", "CreationTimeUTC", "EndTimeUTC", "State", "Result", "Reason"];

const kinds: Kind[] = [
  {
    path: `backupServers/${IDS.server1}`,
    vendor: ["Description", "Port", "Version", "WcfPort", "VbrCertificateThumbprint"],
  },
  { path: `managedServers/${IDS.managedServer}`, vendor: ["Description", "ManagedServerType"] },
  {
    path: `jobs/${IDS.backupJob}`,
    vendor: [
      ...["JobType", "Platform", "Description", "ScheduleConfigured", "ScheduleEnabled"],
      ...["NextRun", "JobScheduleOptions", "JobInfo"],
    ],
  },
  { path: `failoverPlans/${IDS.failoverPlan}`, vendor: ["Description", "FailoverPlanInfo"] },
  { path: `hierarchyRoots/${IDS.root}`, vendor: ["HierarchyRootId", "UniqueId", "HostType"] },
  { path: `repositories/${IDS.ddRepo}`, vendor: ["Capacity", "FreeSpace", "Kind"] },
  { path: `backups/${IDS.backup}`, vendor: ["Platform", "BackupType"] },
  { path: `restorePoints/${IDS.restorePoints[0]}`, vendor: ["BackupDateUTC"] },
  {
    path: `vmRestorePoints/${IDS.vmRestorePoint}`,
    vendor: ["CreationTimeUTC", "VmName", "Algorithm", "PointType", "HierarchyObjRef"],
  },
  {
    path: `vAppRestorePoints/${IDS.vAppRestorePoint}`,
    vendor: ["CreationTimeUTC", "VAppName", "Algorithm", "PointType", "HierarchyObjRef"],
  },
  { path: `replicas/${IDS.replica}`, vendor: ["Platform"] },
  {
    path: `vmReplicaPoints/${IDS.vmReplicaPoint}`,
    vendor: ["CreationTimeUTC", "VmName", "Algorithm", "PointType"],
  },
  {
    // A successful run: FailureMessage is null.
    path: `backupSessions/${IDS.backupSession}`,
    vendor: [...SESSION, ...SESSION_END, "IsRetry"],
    notHeld: ["FailureMessage"],
  },
  {
    path: `replicaSessions/${IDS.replicaSession}`,
    vendor: [...SESSION, ...SESSION_END, "IsRetry"],
  },
  {
    // A restore has no job, and no failure message in the vendor's example.
    path: `restoreSessions/${IDS.restoreSession}`,
    vendor: [...SESSION, ...SESSION_END, "RestoredObjRef"],
    notHeld: ["JobUid", "JobName", "FailureMessage"],
  },
  { path: `backupTaskSessions/${IDS.task1}`, vendor: [...TASK, "TotalSize", "VmUid"] },
  { path: `replicaTaskSessions/${IDS.replicaTask}`, vendor: [...TASK, "TotalSize"] },
  {
    path: `wanAccelerators/${IDS.wanAccelerator}`,
    vendor: [
      ...["Description", "OutOfDate", "Version", "Capacity", "TrafficPort", "ConnectionsCount"],
      ...["CachePath", "HighBandwidthModeEnabled"],
    ],
    notHeld: ["OutOfDate", "CachePath", "HighBandwidthModeEnabled"],
  },
  {
    path: `backupFiles/${IDS.backupFile}`,
    vendor: [
      ...["FilePath", "BackupSize", "DataSize", "DeduplicationRatio", "CompressRatio"],
      ...["CreationTimeUtc", "FileType"],
    ],
  },
  {
    path: `externalRepositories/${IDS.externalRepo}`,
    vendor: ["RepositoryType", "Path", "UsedSpace", "Description"],
    notHeld: ["Path", "UsedSpace", "Description"],
  },
  {
    path: `agents/discoveredComputers/${IDS.agent1}`,
    vendor: [
      ...["HostStatus", "AgentVersion", "AgentStatus", "OsVersion", "IpAddress"],
      "HierarchyObjRef",
    ],
  },
  {
    path: `agents/protectionGroups/${IDS.linuxGroup}`,
    vendor: ["RescanScheduleEnabled", "HierarchyObjRef"],
    notHeld: ["RescanScheduleEnabled"],
  },
];

/** The names of the root element's children, in document order. */
function childElements(body: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const [, close, name, selfClosed] of body.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (close) depth--;
    else if (depth === 1) names.push(name);
    if (!close && !selfClosed) depth++;
  }
  return names;
}

describe("entities in XML", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  for (const { path, vendor, notHeld = [] } of kinds) {
    it(`writes ${path.replace(/\/[^/]*$/, "/{ID}")} in the vendor's element order`, async () => {
      const reply = await api.xml(`${path}?format=Entity`);

      assert.equal(reply.status, 200);
      const expected = ["Links", ...vendor.filter((name) => !notHeld.includes(name))];
      assert.deepEqual(childElements(reply.body), expected);
    });
  }
});
