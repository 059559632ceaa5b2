import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, linkSequence } from "../helpers/capture-shape.js";

describe("GET restore points, backups, backup files, replicas and the catalog", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("names a restore point as EM does and links it to its backup, server and VM points", async () => {
    const point = await api.json(`restorePoints/${IDS.restorePoints[0]}?format=Entity`);
    assert.equal(point.Name, "Jun 15 2026  5:34AM");
    assert.equal(point.BackupDateUTC, "2026-06-15T05:34:19.503Z");
    assert.deepEqual(linkSequence(point.Links), [
      "Up BackupReference",
      "Up BackupServerReference",
      "Alternate RestorePointReference",
      "Down VmRestorePointReferenceList",
      "Related BackupFileReferenceList",
    ]);
    const vmPoints = await api.json(apiPath(point.Links[3].Href));
    assert.deepEqual(
      vmPoints.Refs.map((r: any) => r.Name),
      ["app01@2026-06-15 05:40:00"],
    );
  });

  it("writes a VM restore point with its VM's platform reference, and its mounts empty", async () => {
    const point = await api.json(`vmRestorePoints/${IDS.vmRestorePoint}?format=Entity`);
    assert.deepEqual(Object.keys(point).slice(0, 7), [
      "CreationTimeUTC",
      "VmName",
      "Algorithm",
      "PointType",
      "HierarchyObjRef",
      "SqlInfo",
      "VmDisplayName",
    ]);
    assert.equal(point.Algorithm, "Incremental");
    assert.equal(
      point.HierarchyObjRef,
      "urn:VMware:Vm:5b08bf82-530a-4cca-ac1a-8327b68250bd.vm-1618",
    );
    assert.deepEqual(linkSequence(point.Links), [
      "Restore null",
      "Up BackupServerReference",
      "Up RestorePointReference",
      "Up BackupFileReference",
      "Alternate VmRestorePointReference",
      "Down VmRestorePointMountList",
      "Create VmRestorePointMount",
    ]);
    assert.equal(point.Links[3].Name, "app01D2026-06-15T053419.vib");
    assert.deepEqual(await api.json(`vmRestorePoints/${IDS.vmRestorePoint}/mounts`), {
      VmRestorePointMounts: [],
    });
  });

  it("serves a backup's points and files, and a file's points", async () => {
    const points = await api.json(`backups/${IDS.backup}/restorePoints`);
    assert.equal(points.Refs.length, 6);
    const files = await api.json(`backups/${IDS.backup}/backupFiles?format=Entity`);
    const [file] = files.BackupFiles;
    assert.equal(file.Name, "app01D2026-06-15T053419.vib");
    assert.equal(file.FileType, "vib");
    const filePoints = await api.json(`backupFiles/${IDS.backupFile}/restorePoints`);
    assert.deepEqual(
      filePoints.Refs.map((r: any) => apiPath(r.Href)),
      [`restorePoints/${IDS.restorePoints[0]}`],
    );
  });

  it("leads a replica to its VM replica points through its restore points", async () => {
    const points = await api.json(`replicas/${IDS.replica}/vmReplicaPoints?format=Entity`);
    assert.deepEqual(
      points.VmReplicaPoints.map((p: any) => p.VmName),
      ["app01"],
    );
    const replicaPoint = await api.json(`restorePoints/${IDS.replicaPoint}`);
    assert.equal(replicaPoint.Links[0].Type, "ReplicaReference");
    assert.equal(replicaPoint.Links.at(-1).Type, "VmReplicaPointReferenceList");
  });

  it("addresses a catalog VM by its name, with a UID made of the name", async () => {
    const refs = await api.json("catalog/vms");
    assert.deepEqual(
      refs.Refs.map((r: any) => [r.Name, r.UID, apiPath(r.Href)]),
      [["app01", "urn:veeam:CatalogVm:app01", "catalog/vms/app01"]],
    );
    const vm = await api.json("catalog/vms/app01?format=Entity");
    assert.equal(vm.VmDisplayName, "app01");
    const points = await api.json(apiPath(vm.Links[1].Href));
    const [point] = points.Refs;
    assert.equal(point.Type, "CatalogVmRestorePointReference");
    const entity = await api.json(`${apiPath(point.Href)}?format=Entity`);
    assert.equal(entity.BackupDateUTC, "2026-06-15T05:40:00Z");
    assert.equal((await api.get("catalog/vms/HOST")).status, 404);
  });

  it("links a restore session to the point it restored from", async () => {
    const session = await api.json(`restoreSessions/${IDS.restoreSession}?format=Entity`);
    assert.equal(session.Name, "FLR_[app01]@2026-06-15 09:00:00");
    assert.equal(session.JobType, "FileLevelRestore");
    assert.equal(session.JobUid, null);
    assert.equal(
      session.RestoredObjRef,
      "urn:VMware:Vm:5b08bf82-530a-4cca-ac1a-8327b68250bd.vm-1618",
    );
    assert.deepEqual(linkSequence(session.Links), [
      "Up BackupServerReference",
      "Alternate RestoreSessionReference",
      "Related VmRestorePointReference",
    ]);
  });
});
