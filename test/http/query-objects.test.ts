/**
 * The objects on a query page: references by default, entities with `format=Entities`,
 * written by the same models as the collections, in the shape EM 12 sends them.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { kindOfQueryType } from "../../src/query/object-writers.js";
import { ENTITIES_MEMBERS } from "../../src/query/query-result.js";
import { SERVED_QUERY_TYPES } from "../../src/query/query-types.js";
import { assertSameShape, readFixture } from "../helpers/capture-shape.js";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { parseXml } from "../helpers/xml.js";

const sessionsCapture = readFixture("backup_jobs_sessions_metrics_v12.json");
const tasksCapture = readFixture("backup_jobs_tasks_sessions_metrics_v12.json");

const filterOf = (text: string) => encodeURIComponent(text);

// The root's namespaces come off, so a document's root reads as it does inside QueryResult.
function bareRoot(xml: string): string {
  return xml.replace(/^<\?xml[^>]*\?>\s*/, "").replace(/ xmlns(:\w+)?="[^"]*"/g, "");
}

describe("GET /api/query: the objects on a page", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("writes backup job sessions as the EM 12 capture does, key for key", async () => {
    // Ended runs only: the capture holds none still running, whose EndTimeUTC is null.
    const filter = filterOf('CreationTime>="2026-06-14T21:07:25";State==Stopped');
    const body = await api.json(`query?type=BackupJobSession&format=Entities&filter=${filter}`);
    const served = body.Entities.BackupJobSessions.BackupJobSessions;

    const capturedItems = sessionsCapture.Entities.BackupJobSessions.BackupJobSessions;
    const capturedUids = capturedItems.map((item: any) => item.UID);
    assert.ok(capturedUids.includes(`urn:veeam:BackupJobSession:${IDS.copySession}`));
    assert.ok(served.some((item: any) => item.UID.endsWith(IDS.copySession)));
    assertPageLike(body, sessionsCapture, capturedItems);
  });

  it("writes backup task sessions as the EM 12 capture does, key for key", async () => {
    const filter = filterOf('CreationTime>="2026-06-15T00:21:49";State==Completed');
    const body = await api.json(`query?type=BackupTaskSession&format=Entities&filter=${filter}`);
    const served = body.Entities.BackupTaskSessions.BackupTaskSessions;

    const uids = served.map((item: any) => item.UID);
    for (const id of [IDS.task1, IDS.task2]) {
      assert.ok(uids.includes(`urn:veeam:BackupTaskSession:${id}`), id);
    }
    assertPageLike(body, tasksCapture, tasksCapture.Entities.BackupTaskSessions.BackupTaskSessions);
  });

  it("writes discovered computers as the agents capture shows them", async () => {
    const captured = readFixture("veeam_agent_metrics_v12.json").DiscoveredComputers;
    const filter = filterOf('BackupServerName!="nothing"');
    const body = await api.json(
      `query?type=DiscoveredComputer&format=Entities&sortAsc=Name&filter=${filter}`,
    );
    const served = body.Entities.DiscoveredComputers.DiscoveredComputers;

    assert.deepEqual(
      served.map((computer: any) => computer.UID),
      captured.map((computer: any) => computer.UID),
    );
    for (const [i, computer] of served.entries()) {
      assertSameShape(computer, captured[i], { at: computer.UID });
      assert.equal(computer.OsVersion, captured[i].OsVersion);
    }
  });

  it("writes references by default, in Refs, each as its collection lists it", async () => {
    const body = await api.json("query?type=Job");
    assert.deepEqual(Object.keys(body), ["Refs", "Entities", "Resources", "Links", "PagingInfo"]);
    assert.equal(body.Entities, null);

    const collection = await api.json("jobs");
    assert.equal(body.Refs.Refs.length, collection.Refs.length);
    assert.deepEqual(body.Refs.Refs, collection.Refs);
  });

  for (const type of SERVED_QUERY_TYPES) {
    it(`writes each ${type.name} as its collection does, in JSON and XML`, async () => {
      const kind = kindOfQueryType(type);
      const jsonPage = await api.json(`query?type=${type.name}&format=Entities&pageSize=10000`);
      const entities = jsonPage.Entities[type.entities][type.entities];
      const refs = (await api.json(`query?type=${type.name}&pageSize=10000`)).Refs.Refs;
      assert.ok(entities.length > 0, `the fixture has ${type.name} objects`);
      assert.deepEqual(
        refs.map((ref: any) => ref.UID),
        entities.map((entity: any) => entity.UID),
      );

      const xmlEntities = (await api.xml(`query?type=${type.name}&format=Entities&pageSize=10000`))
        .body;
      const xmlRefs = (await api.xml(`query?type=${type.name}&pageSize=10000`)).body;
      for (const [i, entity] of entities.entries()) {
        const path = entity.Href.slice(api.api.length);
        const own = await api.get(path, { accept: "application/json" });
        assert.equal(JSON.stringify(entity), own.body, path);
        assert.equal(refs[i].Href, entity.Href.replace("?format=Entity", ""));
        assert.equal(refs[i].Type, `${kind.entityType}Reference`);

        const ownXml = bareRoot((await api.get(path)).body);
        assert.ok(xmlEntities.includes(ownXml), `${path} in XML`);
        const refXml = bareRoot((await api.get(path.replace("?format=Entity", ""))).body)
          .replace(/^<EntityRef /, "<Ref ")
          .replace(/<\/EntityRef>$/, "</Ref>");
        assert.ok(xmlRefs.includes(refXml), `${path} reference in XML`);
      }
    });
  }

  it("writes XML in the vendor's shape: QueryResult, Refs or Entities, then PagingInfo", async () => {
    const refs = parseXml((await api.xml("query?type=BackupJobSession&sortAsc=Name")).body);
    const refList = [refs.QueryResult.Refs.Ref].flat();
    assert.ok(refList.length >= 3);
    assert.deepEqual(
      Object.keys(refList[0]).filter((key) => key.startsWith("@")),
      ["@UID", "@Name", "@Href", "@Type"],
    );
    assert.equal(refList[0]["@Type"], "BackupJobSessionReference");
    assert.deepEqual(
      Object.keys(refs.QueryResult).filter((key) => !key.startsWith("@")),
      ["Refs", "PagingInfo"],
    );

    const reply = await api.xml("query?type=BackupJobSession&format=Entities&sortAsc=Name");
    assert.match(
      reply.body,
      /^<\?xml[^>]*\?>\s*<QueryResult [^>]*><Entities><BackupJobSessions><BackupJobSession Href="/,
    );
    assert.match(reply.body, /<\/BackupJobSessions><\/Entities><PagingInfo /);
    const sessions = [parseXml(reply.body).QueryResult.Entities.BackupJobSessions.BackupJobSession]
      .flat()
      .map((session: any) => session["@Name"]);
    assert.deepEqual(
      sessions,
      refList.map((ref: any) => ref["@Name"]),
    );
  });

  it("takes format=Entity as Entities", async () => {
    const entity = await api.json("query?type=Repository&format=Entity");
    const entities = await api.json("query?type=Repository&format=Entities");
    assert.equal(entity.Refs, null);
    assert.deepEqual(entity.Entities, entities.Entities);
    assert.ok(entity.Entities.Repositories.Repositories.length > 0);
  });

  it("writes each page's own objects, and all pages together hold every object once", async () => {
    const all = await api.json("query?type=RestorePoint&sortAsc=CreationTime&pageSize=10000");
    const uids = all.Refs.Refs.map((ref: any) => ref.UID);
    assert.ok(uids.length >= 4, "several restore points");

    const paged: string[] = [];
    let next: string | undefined = "query?type=RestorePoint&sortAsc=CreationTime&pageSize=3";
    while (next !== undefined) {
      const page: any = await api.json(next);
      paged.push(...page.Refs.Refs.map((ref: any) => ref.UID));
      const link = page.PagingInfo.Links.find((l: any) => l.Rel === "Next");
      next = link?.Href.slice(api.api.length);
    }
    assert.deepEqual(paged, uids);
  });
});

/**
 * A served QueryResult against a captured one: the same keys in the same order with the same
 * nulls, `PagingInfo` with First and Last, and each served object against the captured object
 * of the same UID where there is one (the fixture holds the captured runs), else against the
 * first captured object but for its links.
 */
function assertPageLike(served: any, captured: any, capturedItems: any[]) {
  assert.deepEqual(Object.keys(served), Object.keys(captured));
  assert.deepEqual(Object.keys(served.Entities), Object.keys(captured.Entities));
  assert.deepEqual(Object.keys(served.Entities), [...ENTITIES_MEMBERS]);
  for (const [member, value] of Object.entries(captured.Entities)) {
    if (value === null) assert.equal(served.Entities[member], null, member);
  }
  assertSameShape(served.PagingInfo, captured.PagingInfo, { at: "PagingInfo" });

  const member = Object.keys(captured.Entities).find((key) => captured.Entities[key] !== null)!;
  const items = served.Entities[member][member];
  assert.ok(items.length > 0);
  let twins = 0;
  for (const item of items) {
    const twin = capturedItems.find((c) => c.UID === item.UID);
    if (twin !== undefined) twins++;
    // An object the capture lacks may have links the captured ones have not (Related links
    // to the restore points it made), so only its members are compared.
    const { Links: links, ...rest } = item;
    const { Links: _links, ...capturedRest } = twin ?? capturedItems[0];
    assertSameShape(twin === undefined ? rest : item, twin ?? capturedRest, { at: item.UID });
    assert.ok(Array.isArray(links));
  }
  assert.ok(twins > 0, "some served objects are the captured ones");
}
