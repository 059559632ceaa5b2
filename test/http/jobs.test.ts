import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, linkSequence } from "../helpers/capture-shape.js";

describe("GET /api/jobs and /api/failoverPlans", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("gives a backup job the vendor's link set and its members in schema order", async () => {
    const job = await api.json(`jobs/${IDS.backupJob}?format=Entity`);
    assert.deepEqual(Object.keys(job), [
      "JobType",
      "Platform",
      "Description",
      "ScheduleConfigured",
      "ScheduleEnabled",
      "NextRun",
      "JobScheduleOptions",
      "JobInfo",
      "Name",
      "UID",
      "Links",
      "Href",
      "Type",
    ]);
    assert.deepEqual(linkSequence(job.Links), [
      "Up BackupServerReference",
      "Alternate JobReference",
      "Edit JobReference",
      "Clone null",
      "ToggleScheduleEnabled null",
      "Down ObjectInJobList",
      "Down BackupJobSessionReferenceList",
      "Create ObjectInJob",
      "Start null",
      "Stop null",
      "Retry null",
    ]);
    const daily = job.JobScheduleOptions.Standart.OptionsDaily;
    assert.equal(daily.Time, "05:30:00.0000000+00:00");
    assert.equal(daily.Days.length, 7);
    assert.equal(daily.Enabled, true);
  });

  it("lists the job's VMs as ObjectInJob resources that can be fetched one by one", async () => {
    const job = await api.json(`jobs/${IDS.backupJob}?format=Entity`);
    const included = job.JobInfo.BackupJobInfo.Includes.ObjectInJobs;
    assert.deepEqual(
      included.map((o: any) => o.Name),
      ["app01", "HOST"],
    );
    assert.equal(
      included[0].HierarchyObjRef,
      "urn:VMware:Vm:5b08bf82-530a-4cca-ac1a-8327b68250bd.vm-1618",
    );

    const list = await api.json(`jobs/${IDS.backupJob}/includes`);
    assert.deepEqual(Object.keys(list), ["ObjectInJobs"]);
    assert.deepEqual(list.ObjectInJobs, included);
    const one = await api.json(apiPath(included[1].Href));
    assert.deepEqual(one, included[1]);
    const xml = await api.xml(`jobs/${IDS.backupJob}/includes`);
    assert.match(
      xml.body,
      /\n<ObjectsInJob xmlns:xsd=[^>]+><ObjectInJob Href="[^"]+" Type="ObjectInJob"><ObjectInJobId>/,
    );
    assert.equal((await api.get(`jobs/${IDS.backupJob}/includes/${IDS.vmHost2}`)).status, 404);
  });

  it("gives a copy job its own links and no schedule where it has none", async () => {
    const job = await api.json(`jobs/${IDS.copyJob}?format=Entity`);
    assert.deepEqual(linkSequence(job.Links), [
      "Up BackupServerReference",
      "Alternate JobReference",
      "Clone null",
      "ToggleScheduleEnabled null",
      "Down BackupJobSessionReferenceList",
      "Sync null",
      "Down LinkedJobObjectList",
      "Down LinkedBackupRepositoryObjectList",
      "Create LinkedJobObject",
      "Create LinkedBackupRepositoryObject",
    ]);
    assert.equal(job.JobScheduleOptions, null);
    assert.equal(job.NextRun, null);
    assert.equal(job.JobInfo.BackupJobInfo, null);
  });

  it("leads a replication job to its replica sessions", async () => {
    const ref = await api.json(`jobs/${IDS.replicaJob}`);
    assert.deepEqual(linkSequence(ref.Links), [
      "Up BackupServerReference",
      "Alternate Job",
      "Down ReplicaJobSessionReferenceList",
    ]);
    const runs = await api.json(apiPath(ref.Links[2].Href));
    assert.deepEqual(
      runs.Refs.map((r: any) => apiPath(r.Href)),
      [`replicaSessions/${IDS.replicaSession}`],
    );
  });

  it("writes a failover plan's VMs as FailoveredVm resources", async () => {
    const plan = await api.json(`failoverPlans/${IDS.failoverPlan}?format=Entity`);
    const [vm] = plan.FailoverPlanInfo.Includes.FailoveredVms;
    assert.equal(vm.FailoveredVmId, IDS.vmApp);
    assert.equal(vm.Type, "FailoveredVm");
    assert.deepEqual(await api.json(apiPath(vm.Href)), vm);
    assert.deepEqual(linkSequence(plan.Links).slice(2), [
      "Edit FailoverPlanReference",
      "Start null",
      "Undo null",
    ]);
  });
});
