import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, assertSameShape, linkSequence, readFixture } from "../helpers/capture-shape.js";

const captured = readFixture("backup_jobs_tasks_sessions_metrics_v12.json").Entities
  .BackupTaskSessions.BackupTaskSessions;

describe("GET /api/backupTaskSessions and /api/replicaTaskSessions", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("writes a task session member for member and value for value as captured", async () => {
    for (const [i, id] of [IDS.task1, IDS.task2].entries()) {
      const served = await api.json(`backupTaskSessions/${id}?format=Entity`);
      const want = captured[i];
      assertSameShape(served, want);
      for (const key of Object.keys(want)) {
        if (key === "Links" || key === "Href") continue;
        assert.deepEqual(served[key], want[key], key);
      }
      assert.equal(apiPath(served.Href), apiPath(want.Href));
      assert.deepEqual(
        served.Links.map((l: any) => apiPath(l.Href)),
        want.Links.map((l: any) => apiPath(l.Href)),
      );
    }
  });

  it("writes the VmDisplayName attribute on the XML root and the elements in schema order", async () => {
    const xml = await api.xml(`backupTaskSessions/${IDS.task1}?format=Entity`);
    assert.match(
      xml.body,
      /<BackupTaskSession Href="[^"]+" Type="BackupTaskSession" Name="HOST@2026-06-15 05:50:19" UID="urn:veeam:BackupTaskSession:5c8add49-6b08-4147-bc38-00293667728a" VmDisplayName="HOST" xmlns:xsd=/,
    );
    assert.match(
      xml.body,
      /<\/Links><JobSessionUid>urn:veeam:BackupJobSession:ddf1d66d-0ee8-4964-8da3-3780f3f9775f<\/JobSessionUid><CreationTimeUTC>2026-06-15T05:50:19.807Z<\/CreationTimeUTC><EndTimeUTC>2026-06-15T05:50:44.62Z<\/EndTimeUTC><State>Completed<\/State><Result>Success<\/Result><Reason\/><TotalSize>0<\/TotalSize><VmUid>urn:VMware:Vm:5b08bf82-530a-4cca-ac1a-8327b68250bd.vm-1411027<\/VmUid><\/BackupTaskSession>$/,
    );
  });

  it("links a task to the VM restore point its run made", async () => {
    const served = await api.json(`backupTaskSessions/${IDS.backupTask}?format=Entity`);
    assert.deepEqual(linkSequence(served.Links), [
      "Up BackupServerReference",
      "Up BackupJobSessionReference",
      "Alternate BackupTaskSessionReference",
      "Related VmRestorePoint",
    ]);
    assert.equal(
      apiPath(served.Links[3].Href),
      `vmRestorePoints/${IDS.vmRestorePoint}?format=Entity`,
    );
  });

  it("keeps replication tasks apart, linked to their VM replica point", async () => {
    const refs = await api.json("replicaTaskSessions");
    assert.deepEqual(
      refs.Refs.map((r: any) => apiPath(r.Href)),
      [`replicaTaskSessions/${IDS.replicaTask}`],
    );
    const served = await api.json(`replicaTaskSessions/${IDS.replicaTask}?format=Entity`);
    assert.equal(served.JobSessionUid, `urn:veeam:ReplicaJobSession:${IDS.replicaSession}`);
    assert.equal(served.Links.at(-1).Type, "VmReplicaPoint");
    assert.equal((await api.get(`backupTaskSessions/${IDS.replicaTask}`)).status, 404);
  });
});
