/**
 * The links between inventory objects that EM writes beyond Up and Alternate: between a
 * managed server and the hierarchy root it is, from a replica to its repository, and from a
 * copy job to what it copies. Each link is followed to check that it leads where it says.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { fixtureInventory, IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, linkSequence } from "../helpers/capture-shape.js";

interface Link {
  Rel: string;
  Href: string;
  Name: string | null;
  Type: string | null;
}

describe("Links between inventory objects", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  /** The one link with this Rel and Type; followed, it must answer 200 with a body of Type. */
  async function follow(links: Link[], rel: string, type: string): Promise<any> {
    const found = links.filter((link) => link.Rel === rel && link.Type === type);
    assert.equal(found.length, 1, `one ${rel} ${type} link in ${linkSequence(links)}`);
    const body = await api.json(apiPath(found[0]!.Href));
    if (body.Type !== undefined) assert.equal(body.Type, type);
    return body;
  }

  it("links a vCenter's managed server and hierarchy root to each other's entity", async () => {
    const server = await api.json(`managedServers/${IDS.root}?format=Entity`);
    assert.deepEqual(linkSequence(server.Links), [
      "Up BackupServer",
      "Alternate ManagedServerReference",
      "Related HierarchyRoot",
    ]);
    const root = await follow(server.Links, "Related", "HierarchyRoot");
    assert.equal(root.UID, `urn:veeam:HierarchyRoot:${IDS.root}`);
    assert.equal(server.Links[2].Name, root.Name);

    assert.deepEqual(linkSequence(root.Links), [
      "Up BackupServerReference",
      "Alternate HierarchyRootReference",
      "Related ManagedServer",
    ]);
    const back = await follow(root.Links, "Related", "ManagedServer");
    assert.equal(back.UID, server.UID);
  });

  it("gives a managed server that is no virtualization host no Related link", async () => {
    const proxy = await api.json(`managedServers/${IDS.managedServer}?format=Entity`);
    assert.deepEqual(
      proxy.Links.map((link: Link) => link.Rel),
      ["Up", "Alternate"],
    );
  });

  it("keeps the Related links out of references, as EM does", async () => {
    const server = await api.json(`managedServers/${IDS.root}`);
    const root = await api.json(`hierarchyRoots/${IDS.root}`);
    for (const ref of [server, root]) {
      assert.ok(
        ref.Links.every((link: Link) => link.Rel !== "Related"),
        ref.Type,
      );
    }
  });

  it("leads a replica Up to the repository keeping its metadata, in its reference and entity", async () => {
    const ref = await api.json(`replicas/${IDS.replica}`);
    assert.deepEqual(linkSequence(ref.Links), [
      "Up BackupServerReference",
      "Up RepositoryReference",
      "Alternate Replica",
      "Down VmReplicaPointReferenceList",
    ]);
    const repository = await follow(ref.Links, "Up", "RepositoryReference");
    assert.equal(repository.UID, `urn:veeam:Repository:${IDS.ddRepo}`);
    assert.equal(ref.Links[1].Name, repository.Name);

    const entity = await api.json(`replicas/${IDS.replica}?format=Entity`);
    assert.deepEqual(linkSequence(entity.Links), [
      "Up RepositoryReference",
      "Up BackupServerReference",
      "Alternate ReplicaReference",
      "Down VmReplicaPointReferenceList",
    ]);
    await follow(entity.Links, "Up", "RepositoryReference");
  });

  it("lists the replica under that repository's replicas, and under no other", async () => {
    const kept = await api.json(`repositories/${IDS.ddRepo}/replicas`);
    assert.deepEqual(
      kept.Refs.map((r: { UID: string }) => r.UID),
      [`urn:veeam:Replica:${IDS.replica}`],
    );
    assert.deepEqual((await api.json(`repositories/${IDS.s3Repo}/replicas`)).Refs, []);
  });

  it("gives a replica of a job with no metadata repository no Up link to one", async () => {
    const inventory = fixtureInventory();
    inventory.jobs.find((job) => job.id === IDS.replicaJob)!.repositoryId = null;
    const bare = await startInventoryServer(inventory);
    try {
      const ref = await bare.json(`replicas/${IDS.replica}`);
      assert.deepEqual(linkSequence(ref.Links), [
        "Up BackupServerReference",
        "Alternate Replica",
        "Down VmReplicaPointReferenceList",
      ]);
    } finally {
      await bare.close();
    }
  });

  it("leads a copy job to the backup job it copies, through its linkedJobs", async () => {
    const copy = await api.json(`jobs/${IDS.copyJob}?format=Entity`);
    const list = await follow(copy.Links, "Down", "LinkedJobObjectList");
    assert.deepEqual(Object.keys(list), ["LinkedJobObjects"]);
    const [linked] = list.LinkedJobObjects;
    assert.equal(list.LinkedJobObjects.length, 1);
    assert.equal(linked.Type, "LinkedJobObject");
    assert.equal(linked.LinkedJobUid, `urn:veeam:Job:${IDS.backupJob}`);
    assert.deepEqual(await api.json(apiPath(linked.Href)), linked);

    assert.deepEqual(linkSequence(linked.Links), ["Up Job", "Delete null"]);
    const up = await follow(linked.Links, "Up", "Job");
    assert.equal(up.UID, copy.UID);
    assert.equal(apiPath(linked.Links[1].Href), apiPath(linked.Href));

    const source = await api.json(`jobs/${IDS.backupJob}`);
    assert.equal(source.UID, linked.LinkedJobUid);
    assert.equal(source.Type, "JobReference");
  });

  it("answers a copy job's Create links, which name its lists, with those lists", async () => {
    const copy = await api.json(`jobs/${IDS.copyJob}?format=Entity`);
    for (const type of ["LinkedJobObject", "LinkedBackupRepositoryObject"]) {
      const create = copy.Links.find((link: Link) => link.Rel === "Create" && link.Type === type);
      const down = copy.Links.find(
        (link: Link) => link.Rel === "Down" && link.Type === `${type}List`,
      );
      assert.equal(create.Href, down.Href);
      assert.equal((await api.get(apiPath(create.Href))).status, 200);
    }
  });

  it("writes the linked lists in XML with the vendor's elements", async () => {
    const xml = await api.xml(`jobs/${IDS.copyJob}/linkedJobs`);
    assert.match(
      xml.body,
      /<LinkedJobResourceObjects [^>]+><LinkedJobObject Href="[^"]+\/linkedJobs\/[^"]+" Type="LinkedJobObject"><Links><Link [^>]*Rel="Up"/,
    );
    assert.match(xml.body, /<ObjectInJobId>[^<]+<\/ObjectInJobId><LinkedJobUid>urn:veeam:Job:/);
    const empty = await api.xml(`jobs/${IDS.copyJob}/linkedBackupRepositories`);
    assert.match(empty.body, /<LinkedBackupRepositoryResourceObjects [^>]*\/>$/);
  });

  it("leads a copy job that copies from a repository to that repository's UID", async () => {
    const inventory = fixtureInventory();
    const copy = inventory.jobs.find((job) => job.id === IDS.copyJob)!;
    copy.linkedJobIds = [];
    copy.linkedBackupRepositoryIds = [IDS.s3Repo];
    const other = await startInventoryServer(inventory);
    try {
      const entity = await other.json(`jobs/${IDS.copyJob}?format=Entity`);
      const down = entity.Links.find(
        (link: Link) => link.Type === "LinkedBackupRepositoryObjectList",
      );
      const list = await other.json(apiPath(down.Href));
      assert.deepEqual(Object.keys(list), ["LinkedBackupRepositories"]);
      const [linked] = list.LinkedBackupRepositories;
      assert.equal(linked.Type, "LinkedBackupRepositoryObject");
      assert.equal(linked.LinkedBackupRepositoryUid, `urn:veeam:Repository:${IDS.s3Repo}`);
      assert.deepEqual(await other.json(apiPath(linked.Href)), linked);
      assert.equal(
        (await other.json(`repositories/${IDS.s3Repo}`)).UID,
        linked.LinkedBackupRepositoryUid,
      );
      assert.deepEqual((await other.json(`jobs/${IDS.copyJob}/linkedJobs`)).LinkedJobObjects, []);
    } finally {
      await other.close();
    }
  });

  it("gives backup and replication jobs no links to linked jobs or repositories", async () => {
    for (const id of [IDS.backupJob, IDS.replicaJob]) {
      const job = await api.json(`jobs/${id}?format=Entity`);
      assert.ok(
        job.Links.every((link: Link) => !/Linked/.test(link.Type ?? "")),
        id,
      );
    }
  });
});
