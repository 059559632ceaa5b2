import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { defaultInventory } from "../../src/inventory/default-inventory.js";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

/** What `emrest serve` shows on its first start: the default site, ending now. */
describe("a server seeded with the default inventory", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer({ inventory: defaultInventory(Date.now()) });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  async function getJson(path: string): Promise<Record<string, unknown>> {
    const reply = await send(`${server.http}/api/${path}`, {
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    assert.equal(reply.status, 200, reply.body);
    return JSON.parse(reply.body) as Record<string, unknown>;
  }

  it("lists its backup servers and jobs", async () => {
    assert.equal(((await getJson("backupServers")).Refs as unknown[]).length, 2);
    const jobs = (await getJson("jobs")).Refs as { Name: string }[];
    assert.equal(jobs.length, 8);
    assert.ok(jobs.every((job) => job.Name !== ""));
  });

  it("lists a week of backup sessions, mostly successful", async () => {
    const sessions = (await getJson("backupSessions?format=Entity")).BackupJobSessions as {
      Result: string;
    }[];
    assert.ok(sessions.length >= 6 * 7, `${sessions.length} sessions`);
    const successes = sessions.filter((session) => session.Result === "Success").length;
    assert.ok(successes > sessions.length / 2);
  });

  it("has report figures that are not zero", async () => {
    const overview = await getJson("reports/summary/overview");
    assert.equal(overview.BackupServers, 2);
    assert.equal(overview.ScheduledJobs, 8);
    assert.ok((overview.ProxyServers as number) > 0);
    const statistics = await getJson("reports/summary/job_statistics");
    assert.ok((statistics.TotalJobRuns as number) > 0, JSON.stringify(statistics));
    const vms = await getJson("reports/summary/vms_overview");
    assert.ok((vms.ProtectedVms as number) > 0, JSON.stringify(vms));
  });
});
