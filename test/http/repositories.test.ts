import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, assertSameShape, linkSequence, readFixture } from "../helpers/capture-shape.js";

const captured = readFixture("veeam_repositories_overview_metrics_v12.json").Repositories;

describe("GET /api/repositories", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("lists repositories member for member and value for value as captured", async () => {
    const body = await api.json("repositories?format=Entity");
    assert.deepEqual(Object.keys(body), ["Repositories"]);
    assert.equal(body.Repositories.length, captured.length);
    for (const [i, served] of body.Repositories.entries()) {
      const want = captured[i];
      assertSameShape(served, want);
      for (const key of ["Capacity", "FreeSpace", "Kind", "Name", "UID", "Type"]) {
        assert.equal(served[key], want[key], key);
      }
      assert.deepEqual(
        served.Links.map((l: any) => apiPath(l.Href)),
        want.Links.map((l: any) => apiPath(l.Href)),
      );
    }
  });

  it("gives a reference the same links with Alternate leading to the entity", async () => {
    const ref = await api.json(`repositories/${IDS.ddRepo}`);
    assert.deepEqual(linkSequence(ref.Links), [
      "Up BackupServerReference",
      "Alternate Repository",
      "Down BackupReferenceList",
      "Down ReplicaReferenceList",
    ]);
  });

  it("serves a repository's backups, and the replicas whose metadata it keeps", async () => {
    const backups = await api.json(`repositories/${IDS.ddRepo}/backups?format=Entity`);
    assert.deepEqual(
      backups.Backups.map((b: any) => b.Name),
      ["BACKUP_CORP_SITE3_VMW_INF"],
    );
    assert.deepEqual(await api.json(`repositories/${IDS.s3Repo}/backups`), { Refs: [] });
    const replicas = await api.json(`repositories/${IDS.ddRepo}/replicas?format=Entity`);
    assert.deepEqual(
      replicas.Replicas.map((r: any) => r.Name),
      ["Replicate app01"],
    );
    assert.deepEqual(await api.json(`repositories/${IDS.s3Repo}/replicas`), { Refs: [] });
  });

  it("writes a capacity of -1 (unknown, object storage) as the capture does", async () => {
    const xml = await api.xml(`repositories/${IDS.s3Repo}?format=Entity`);
    assert.match(
      xml.body,
      /<Capacity>-1<\/Capacity><FreeSpace>-1<\/FreeSpace><Kind>AmazonS3Compatible<\/Kind><\/Repository>$/,
    );
  });
});
