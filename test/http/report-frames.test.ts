import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { assertSameShape, readFixture } from "../helpers/capture-shape.js";
import { send } from "../helpers/client.js";
import { DAY, GIB, MINUTE } from "../helpers/report-inventory.js";
import { reportSite } from "../helpers/report-site.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

type Json = Record<string, unknown>;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => name === "Day" || name === "Period",
  parseTagValue: false,
  parseAttributeValue: false,
});

/** The child element names of the root, in document order. */
function childNames(body: string, root: string): string[] {
  const inner = body.slice(body.indexOf(">", body.indexOf(`<${root}`)) + 1);
  return [...inner.matchAll(/<([A-Za-z]+)>/g)].map((match) => match[1]);
}

describe("GET /api/reports/summary/{frame}", () => {
  let server: TestServer;
  let token: string;
  // The site's runs are placed around the time the test starts (see report-site.ts).
  const now = Date.now();
  const { view } = reportSite(now);

  before(async () => {
    server = await startTestServer({ inventory: view.inventory });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  async function getJson(frame: string): Promise<Json> {
    const reply = await send(`${server.http}/api/reports/summary/${frame}`, {
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers["content-type"]), /^application\/json/);
    return JSON.parse(reply.body);
  }

  async function getXml(frame: string): Promise<string> {
    const reply = await send(`${server.http}/api/reports/summary/${frame}`, {
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers["content-type"]), /^application\/xml/);
    return reply.body;
  }

  test("overview has the captured JSON shape and the site's figures", async () => {
    const body = await getJson("overview");

    assertSameShape(body, readFixture("veeam_overview_metrics_v12.json"));
    assert.deepEqual(Object.values(body), [2, 2, 2, 1, 4, 2, 1, 1, null, null, null]);
  });

  test("overview in XML lists the figures in XSD order", async () => {
    const body = await getXml("overview");

    const root = xml.parse(body).OverviewReportFrame;
    assert.equal(root["@xmlns"], "http://www.veeam.com/ent/v1.0");
    assert.deepEqual(childNames(body, "OverviewReportFrame"), [
      "BackupServers",
      "ProxyServers",
      "RepositoryServers",
      "RunningJobs",
      "ScheduledJobs",
      "SuccessfulVmLastestStates",
      "WarningVmLastestStates",
      "FailedVmLastestStates",
    ]);
    assert.equal(root.ScheduledJobs, "4");
    assert.equal(root.FailedVmLastestStates, "1");
  });

  test("vms_overview has the captured JSON shape and the site's figures", async () => {
    const body = await getJson("vms_overview");

    assertSameShape(body, readFixture("veeam_overview_vms_metrics_v12.json"));
    assert.equal(body.ProtectedVms, 4);
    assert.equal(body.BackedUpVms, 3);
    assert.equal(body.ReplicatedVms, 1);
    assert.equal(body.RestorePoints, 4);
    assert.equal(body.FullBackupPointsSize, 50 * GIB);
    assert.equal(body.IncrementalBackupPointsSize, 10 * GIB);
    assert.equal(body.SourceVmsSize, 280 * GIB);
    assert.equal(body.SuccessBackupPercents, 50);
    assert.match(String(body.ProtectedVmsReportLink), /^Workspace\/ViewReport\.aspx\?definition=/);
  });

  test("vms_overview in XML escapes the report link's ampersand", async () => {
    const body = await getXml("vms_overview");

    assert.match(
      body,
      /<ProtectedVmsReportLink>Workspace\/ViewReport\.aspx\?definition=[0-9a-f-]+&amp;ShowParams=1</,
    );
    assert.equal(childNames(body, "VmsOverviewReportFrame").length, 10);
    assert.equal(xml.parse(body).VmsOverviewReportFrame.SourceVmsSize, String(280 * GIB));
  });

  test("job_statistics has the captured JSON shape and the site's figures", async () => {
    const body = await getJson("job_statistics");

    assertSameShape(body, readFixture("job_overview_metrics_v12.json"));
    assert.deepEqual(
      [body.RunningJobs, body.ScheduledJobs, body.ScheduledBackupJobs, body.ScheduledReplicaJobs],
      [1, 4, 3, 1],
    );
    assert.deepEqual(
      [body.TotalJobRuns, body.SuccessfulJobRuns, body.WarningsJobRuns, body.FailedJobRuns],
      [4, 2, 1, 1],
    );
    assert.deepEqual(
      [body.MaxJobDuration, body.MaxBackupJobDuration, body.MaxReplicaJobDuration],
      [5400, 5400, 1800],
    );
    assert.equal(body.MaxDurationBackupJobName, "Daily");
    assert.equal(body.MaxDurationReplicaJobName, "Replica DR");
  });

  test("job_statistics in XML lists the figures in XSD order", async () => {
    const body = await getXml("job_statistics");

    const names = childNames(body, "JobStatisticsReportFrame");
    assert.equal(names.length, 14);
    assert.deepEqual(names.slice(0, 5), [
      "RunningJobs",
      "ScheduledJobs",
      "ScheduledBackupJobs",
      "ScheduledReplicaJobs",
      "TotalJobRuns",
    ]);
    assert.equal(names.at(-1), "BackupJobStatusReportLink");
    assert.equal(xml.parse(body).JobStatisticsReportFrame.MaxDurationReplicaJobName, "Replica DR");
  });

  test("processed_vms lists seven days in JSON, today first, at UTC midnight", async () => {
    const body = await getJson("processed_vms");

    assert.deepEqual(Object.keys(body), ["Days", "Links", "Href", "Type"]);
    const days = body.Days as Json[];
    assert.equal(days.length, 7);
    assert.deepEqual(Object.keys(days[0]), ["Timestamp", "ReplicatedVms", "BackupedVms"]);
    const today = new Date(Math.floor(now / DAY) * DAY).toISOString().slice(0, 10);
    assert.equal(days[0].Timestamp, `${today}T00:00:00Z`);

    // Figures that do not depend on the time of day the test runs at.
    const dayOf = (time: number) => days[Math.floor(now / DAY) - Math.floor(time / DAY)];
    assert.equal(dayOf(now - 3 * DAY).BackupedVms, 3);
    assert.equal(dayOf(now - 90 * MINUTE).ReplicatedVms, 1);
    assert.equal(
      days.reduce((sum, day) => sum + (day.ReplicatedVms as number), 0),
      1,
    );
  });

  test("processed_vms in XML has a Day element per day, its figures as attributes", async () => {
    const body = await getXml("processed_vms");

    const days = xml.parse(body).ProcessedVmsReportFrame.Day as Json[];
    assert.equal(days.length, 7);
    assert.deepEqual(Object.keys(days[0]), ["@Timestamp", "@ReplicatedVms", "@BackupedVms"]);
    assert.match(String(days[6]["@Timestamp"]), /^\d{4}-\d\d-\d\dT00:00:00Z$/);
  });

  test("repository is a RepositoryReportFrame of Periods, one per repository, in JSON", async () => {
    const body = await getJson("repository");

    assert.deepEqual(Object.keys(body), [
      "Periods",
      "CapacityPlanningReportLink",
      "Links",
      "Href",
      "Type",
    ]);
    assert.deepEqual(body.Periods, [
      {
        Name: "Main Repository",
        Capacity: 1000 * GIB,
        FreeSpace: 400 * GIB,
        BackupSize: 110 * GIB,
      },
      { Name: "Cloud Bucket", Capacity: -1, FreeSpace: -1, BackupSize: 50 * GIB },
      { Name: "Empty Repository", Capacity: 500 * GIB, FreeSpace: 500 * GIB, BackupSize: 0 },
    ]);
  });

  test("repository in XML carries the capacity planning link as a root attribute", async () => {
    const body = await getXml("repository");

    const root = xml.parse(body).RepositoryReportFrame;
    // EM's built-in capacity planning report (the vendor's reports_summary_repository page).
    assert.equal(
      root["@CapacityPlanningReportLink"],
      "Workspace/ViewReport.aspx?definition=62221565-102c-4ec8-851b-d61c03d972d1&ShowParams=1",
    );
    assert.match(body, /CapacityPlanningReportLink="[^"]+&amp;ShowParams=1"/);
    assert.deepEqual(
      (root.Period as Json[]).map((period) => [period.Name, period.BackupSize]),
      [
        ["Main Repository", String(110 * GIB)],
        ["Cloud Bucket", String(50 * GIB)],
        ["Empty Repository", "0"],
      ],
    );
  });
});

describe("GET /api/reports/summary/{frame} on an empty inventory", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\alice", "a");
  });
  after(() => server.close());

  test("answers every frame with zeros and empty lists", async () => {
    const { token } = await server.logon("alice", "a");
    const get = async (frame: string) => {
      const reply = await send(`${server.http}/api/reports/summary/${frame}`, {
        headers: { "x-restsvcsessionid": token, accept: "application/json" },
      });
      assert.equal(reply.status, 200, frame);
      return JSON.parse(reply.body);
    };

    assert.equal((await get("overview")).BackupServers, 0);
    assert.equal((await get("job_statistics")).MaxDurationBackupJobName, "");
    assert.equal((await get("vms_overview")).SuccessBackupPercents, 0);
    assert.deepEqual((await get("repository")).Periods, []);
    const days = (await get("processed_vms")).Days;
    assert.equal(days.length, 7);
    assert.ok(days.every((day: Json) => day.BackupedVms === 0 && day.ReplicatedVms === 0));
  });
});
