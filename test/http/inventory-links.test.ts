/**
 * The links between inventory objects that EM writes beyond Up and Alternate: between a
 * managed server and the hierarchy root it is, from a replica to its repository, and from a
 * copy job to what it copies. Each link is followed to check that it leads where it says.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
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
});
