import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, assertSameShape, linkSequence, readFixture } from "../helpers/capture-shape.js";

const captured = readFixture("veeam_agent_metrics_v12.json").DiscoveredComputers;

describe("GET /api/agents/discoveredComputers and /api/agents/protectionGroups", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("lists discovered computers member for member and value for value as captured", async () => {
    const body = await api.json("agents/discoveredComputers?format=Entity");
    assert.deepEqual(Object.keys(body), ["DiscoveredComputers"]);
    for (const [i, served] of body.DiscoveredComputers.entries()) {
      const want = captured[i];
      assertSameShape(served, want);
      for (const key of Object.keys(want)) {
        if (key === "Links" || key === "Href") continue;
        assert.equal(served[key], want[key], key);
      }
      assert.deepEqual(
        served.Links.map((l: any) => apiPath(l.Href)),
        want.Links.map((l: any) => apiPath(l.Href)),
      );
    }
  });

  it("gives a computer an Href that leads to it, where EM's points at backupTaskSessions", async () => {
    const [served] = (await api.json("agents/discoveredComputers?format=Entity"))
      .DiscoveredComputers;
    assert.match(captured[0].Href, /backupTaskSessions/);
    assert.equal(apiPath(served.Href), `agents/discoveredComputers/${IDS.agent1}?format=Entity`);
    assert.equal((await api.get(apiPath(served.Href))).status, 200);
  });

  it("serves the protection groups the computers name, with their computers", async () => {
    const refs = await api.json("agents/protectionGroups");
    assert.deepEqual(
      refs.Refs.map((r: any) => r.Name),
      ["Agents_Oper_Linux", "Agents_OPER"],
    );
    assert.deepEqual(linkSequence(refs.Refs[0].Links), [
      "Up BackupServerReference",
      "Alternate AgentProtectionGroup",
      "Down DiscoveredComputerReferenceList",
    ]);
    const group = await api.json(`agents/protectionGroups/${IDS.windowsGroup}?format=Entity`);
    assert.equal(group.RescanScheduleEnabled, null);
    const computers = await api.json(apiPath(group.Links[2].Href));
    assert.deepEqual(
      computers.DiscoveredComputers.map((c: any) => c.Name),
      ["hostx.example.com"],
    );
  });

  it("leaves /api/agents itself not served", async () => {
    assert.equal((await api.get("agents")).status, 501);
    assert.equal((await api.get("agents/jobs")).status, 501);
  });
});
