import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, assertSameShape, linkSequence, readFixture } from "../helpers/capture-shape.js";

const captured = readFixture("backup_jobs_sessions_metrics_v12.json").Entities.BackupJobSessions
  .BackupJobSessions;

describe("GET /api/backupSessions and /api/replicaSessions", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("writes a finished backup run member for member as the captured EM 12 reply", async () => {
    const served = await api.json(`backupSessions/${IDS.backupSession}?format=Entity`);
    const want = captured[1];
    assertSameShape(served, want);
    for (const [key, value] of Object.entries(want)) {
      if (key === "Links" || key === "Href") continue;
      assert.deepEqual(served[key], value, key);
    }
    assert.equal(apiPath(served.Href), apiPath(want.Href));
    assert.deepEqual(
      served.Links.map((l: any) => apiPath(l.Href)),
      want.Links.map((l: any) => apiPath(l.Href)),
    );
    assert.deepEqual(
      served.Links.slice(1).map((l: any) => l.Name),
      want.Links.slice(1).map((l: any) => l.Name),
    );
  });

  it("names a run after its job and start time, and keeps FailureMessage null on success", async () => {
    const served = await api.json(`backupSessions/${IDS.copySession}?format=Entity`);
    assert.equal(served.Name, "COPY_BACKUP_VMW_APP_A_TO_DD_CORP_NEW@2026-06-14 23:09:26");
    assert.equal(served.JobType, "ImmediateBackupCopy");
    assert.equal(served.CreationTimeUTC, "2026-06-14T23:09:26.173Z");
    assert.equal(served.FailureMessage, null);
    assert.deepEqual(linkSequence(served.Links), linkSequence(captured[0].Links));
  });

  it("shows a run in progress as Working, without an end time or a result yet", async () => {
    const served = await api.json(`backupSessions/${IDS.runningSession}?format=Entity`);
    assert.equal(served.State, "Working");
    assert.equal(served.Result, "None");
    assert.equal(served.EndTimeUTC, null);
    assert.equal(served.FailureMessage, null);
    assert.ok(served.Progress >= 49 && served.Progress <= 51, `progress ${served.Progress}`);
    const xml = await api.xml(`backupSessions/${IDS.runningSession}?format=Entity`);
    assert.doesNotMatch(xml.body, /EndTimeUTC|FailureMessage/);
    assert.match(
      xml.body,
      /<State>Working<\/State><Result>None<\/Result><Progress>\d+<\/Progress><IsRetry>false<\/IsRetry><\/BackupJobSession>$/,
    );
  });

  it("writes IsRetry last in XML, after the base type's members", async () => {
    const xml = await api.xml(`backupSessions/${IDS.backupSession}?format=Entity`);
    assert.match(
      xml.body,
      /<\/Links><JobUid>urn:veeam:Job:b2c92f36-ab38-4ce3-9bf6-05143080981a<\/JobUid><JobName>BACKUP_CORP_SITE3_VMW_INF<\/JobName><JobType>Backup<\/JobType><CreationTimeUTC>2026-06-15T05:34:19.503Z<\/CreationTimeUTC><EndTimeUTC>2026-06-15T06:15:49.157Z<\/EndTimeUTC><State>Stopped<\/State><Result>Success<\/Result><Progress>100<\/Progress><IsRetry>true<\/IsRetry><\/BackupJobSession>$/,
    );
  });

  it("lists backup runs only under backupSessions and replication runs only under replicaSessions", async () => {
    const backups = await api.json("backupSessions");
    assert.equal(backups.Refs.length, 4);
    assert.ok(backups.Refs.every((r: any) => r.Type === "BackupJobSessionReference"));
    const replicas = await api.json("replicaSessions?format=Entity");
    assert.deepEqual(Object.keys(replicas), ["ReplicaJobSessions"]);
    const [run] = replicas.ReplicaJobSessions;
    assert.equal(run.Result, "Warning");
    assert.equal(run.FailureMessage, "Snapshot took long");
    assert.deepEqual(linkSequence(run.Links), [
      "Up BackupServerReference",
      "Up JobReference",
      "Alternate ReplicaJobSessionReference",
      "Down ReplicaTaskSessionReferenceList",
    ]);
    const missing = await api.get(`backupSessions/${IDS.replicaSession}`);
    assert.equal(missing.status, 404);
  });

  it("serves a run's task sessions and a job's runs", async () => {
    const tasks = await api.json(`backupSessions/${IDS.operSession}/taskSessions`);
    assert.deepEqual(
      tasks.Refs.map((r: any) => r.Name),
      ["HOST@2026-06-15 05:50:19", "HOST2@2026-06-15 05:49:18"],
    );
    const replicaTasks = await api.json(
      `replicaSessions/${IDS.replicaSession}/replicaTaskSessions?format=Entity`,
    );
    assert.equal(replicaTasks.ReplicaTaskSessions.length, 1);
    const runs = await api.json(`jobs/${IDS.backupJob}/backupSessions`);
    assert.deepEqual(
      runs.Refs.map((r: any) => apiPath(r.Href)).sort(),
      [`backupSessions/${IDS.runningSession}`, `backupSessions/${IDS.backupSession}`].sort(),
    );
  });

  it("answers Stop with 501 until actions are served", async () => {
    const reply = await api.get(`backupSessions/${IDS.runningSession}?action=stop`);
    assert.equal(reply.status, 501);
  });
});
