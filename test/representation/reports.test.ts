import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser } from "fast-xml-parser";
import { jsonReports } from "../../src/representation/json/report-json.js";
import { utcTime } from "../../src/representation/reports.js";
import { xmlReports } from "../../src/representation/xml/report-xml.js";
import type {
  JobStatisticsReportFrame,
  RepositoryReportFrame,
} from "../../src/reports/report-frames.js";

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => name === "Period" || name === "Day",
  parseTagValue: false,
  parseAttributeValue: false,
});

const HOSTILE = `Repo & <Co> "quoted" 'single'`;

function statistics(name: string): JobStatisticsReportFrame {
  return {
    runningJobs: 1,
    scheduledJobs: 2,
    scheduledBackupJobs: 2,
    scheduledReplicaJobs: 0,
    totalJobRuns: 3,
    successfulJobRuns: 1,
    warningsJobRuns: 1,
    failedJobRuns: 1,
    maxJobDuration: 60,
    maxBackupJobDuration: 60,
    maxReplicaJobDuration: 0,
    maxDurationBackupJobName: name,
    maxDurationReplicaJobName: "",
    backupJobStatusReportLink: "Workspace/ViewReport.aspx?definition=x&ShowParams=1",
  };
}

const repositories: RepositoryReportFrame = {
  periods: [
    { name: HOSTILE, capacity: 2 ** 50, freeSpace: 2 ** 49, backupSize: 12 },
    { name: "S3", capacity: -1, freeSpace: -1, backupSize: 0 },
  ],
  capacityPlanningReportLink: "Workspace/ViewReport.aspx?definition=y&ShowParams=1",
};

describe("report representations", () => {
  it("carry a hostile job name intact in XML and JSON", () => {
    const frame = statistics(HOSTILE);

    const fromXml = xml.parse(xmlReports.jobStatistics(frame)).JobStatisticsReportFrame;
    assert.equal(fromXml.MaxDurationBackupJobName, HOSTILE);
    assert.equal(fromXml.BackupJobStatusReportLink, frame.backupJobStatusReportLink);
    assert.equal(JSON.parse(jsonReports.jobStatistics(frame)).MaxDurationBackupJobName, HOSTILE);
  });

  it("drop the characters XML cannot carry, and JSON keeps them escaped", () => {
    const frame = statistics("a\u0001b\uD800c");

    const fromXml = xml.parse(xmlReports.jobStatistics(frame)).JobStatisticsReportFrame;
    assert.equal(fromXml.MaxDurationBackupJobName, "abc");
    assert.equal(
      JSON.parse(jsonReports.jobStatistics(frame)).MaxDurationBackupJobName,
      "a\u0001b\uD800c",
    );
  });

  it("write the same repository periods both ways, large sizes exactly", () => {
    const fromXml = xml.parse(xmlReports.repository(repositories)).RepositoryReportFrame;
    const fromJson = JSON.parse(jsonReports.repository(repositories));

    const expected = repositories.periods.map((p) => [
      p.name,
      p.capacity,
      p.freeSpace,
      p.backupSize,
    ]);
    assert.deepEqual(
      fromXml.Period.map((p: Record<string, string>) => [
        p.Name,
        Number(p.Capacity),
        Number(p.FreeSpace),
        Number(p.BackupSize),
      ]),
      expected,
    );
    assert.deepEqual(
      fromJson.Periods.map((p: Record<string, number>) => [
        p.Name,
        p.Capacity,
        p.FreeSpace,
        p.BackupSize,
      ]),
      expected,
    );
    assert.equal(fromXml["@CapacityPlanningReportLink"], repositories.capacityPlanningReportLink);
  });

  it("write an empty repository frame as a self-closed root and an empty JSON list", () => {
    const empty = { ...repositories, periods: [] };
    assert.match(xmlReports.repository(empty), /<RepositoryReportFrame [^>]*\/>$/);
    assert.deepEqual(JSON.parse(jsonReports.repository(empty)).Periods, []);
  });
});

describe("utcTime", () => {
  it("writes UTC with the milliseconds' trailing zeros dropped, as EM does", () => {
    assert.equal(utcTime(Date.UTC(2026, 5, 15)), "2026-06-15T00:00:00Z");
    assert.equal(utcTime(Date.UTC(2026, 5, 15, 5, 50, 44, 620)), "2026-06-15T05:50:44.62Z");
    assert.equal(utcTime(Date.UTC(2026, 5, 15, 5, 50, 40, 100)), "2026-06-15T05:50:40.1Z");
    assert.equal(utcTime(Date.UTC(2026, 5, 15, 5, 50, 40, 5)), "2026-06-15T05:50:40.005Z");
  });
});
