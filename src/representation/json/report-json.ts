import type { ReportRepresentation } from "../reports.js";
import { utcTime } from "../reports.js";
import { spellingOf, type JsonCasing, type Spell } from "./json-casing.js";
import { jsonResourceWriter } from "./json-resource.js";

// Member order follows the EM 12 captures (test/fixtures/*overview*_v12.json): the frame's
// own elements in XSD order, then ResourceType's Links, Href and Type, which EM leaves null on
// reports. Repeated elements become plural arrays: `Period` → `Periods`, `Day` → `Days`, with
// members in XSD order (as a client's recorded replies show: Name, Capacity, FreeSpace,
// BackupSize; Timestamp, ReplicatedVms, BackupedVms). Names are given as EM 12 spells them
// and spelled by the casing's `Spell`; reports are small, so this is done as they are written.

type Members = [name: string, value: unknown][];

function reportWriter(casing: JsonCasing): ReportRepresentation {
  const spell: Spell = spellingOf(casing);
  const link = jsonResourceWriter(casing).link;
  const object = (members: Members) =>
    Object.fromEntries(members.map(([name, value]) => [spell(name), value]));
  const RESOURCE: Members = [
    ["Links", null],
    ["Href", null],
    ["Type", null],
  ];
  const write = (members: Members) => JSON.stringify(object([...members, ...RESOURCE]));

  return {
    contentType: "application/json; charset=utf-8",

    summaryReport: (links) =>
      JSON.stringify(
        object([
          ["Links", links.map(link)],
          ["Href", null],
          ["Type", null],
        ]),
      ),

    overview: (frame) =>
      write([
        ["BackupServers", frame.backupServers],
        ["ProxyServers", frame.proxyServers],
        ["RepositoryServers", frame.repositoryServers],
        ["RunningJobs", frame.runningJobs],
        ["ScheduledJobs", frame.scheduledJobs],
        ["SuccessfulVmLastestStates", frame.successfulVmLastestStates],
        ["WarningVmLastestStates", frame.warningVmLastestStates],
        ["FailedVmLastestStates", frame.failedVmLastestStates],
      ]),

    vmsOverview: (frame) =>
      write([
        ["ProtectedVms", frame.protectedVms],
        ["BackedUpVms", frame.backedUpVms],
        ["ReplicatedVms", frame.replicatedVms],
        ["RestorePoints", frame.restorePoints],
        ["FullBackupPointsSize", frame.fullBackupPointsSize],
        ["IncrementalBackupPointsSize", frame.incrementalBackupPointsSize],
        ["ReplicaRestorePointsSize", frame.replicaRestorePointsSize],
        ["SourceVmsSize", frame.sourceVmsSize],
        ["SuccessBackupPercents", frame.successBackupPercents],
        ["ProtectedVmsReportLink", frame.protectedVmsReportLink],
      ]),

    jobStatistics: (frame) =>
      write([
        ["RunningJobs", frame.runningJobs],
        ["ScheduledJobs", frame.scheduledJobs],
        ["ScheduledBackupJobs", frame.scheduledBackupJobs],
        ["ScheduledReplicaJobs", frame.scheduledReplicaJobs],
        ["TotalJobRuns", frame.totalJobRuns],
        ["SuccessfulJobRuns", frame.successfulJobRuns],
        ["WarningsJobRuns", frame.warningsJobRuns],
        ["FailedJobRuns", frame.failedJobRuns],
        ["MaxJobDuration", frame.maxJobDuration],
        ["MaxBackupJobDuration", frame.maxBackupJobDuration],
        ["MaxReplicaJobDuration", frame.maxReplicaJobDuration],
        ["MaxDurationBackupJobName", frame.maxDurationBackupJobName],
        ["MaxDurationReplicaJobName", frame.maxDurationReplicaJobName],
        ["BackupJobStatusReportLink", frame.backupJobStatusReportLink],
      ]),

    processedVms: (frame) =>
      write([
        [
          "Days",
          frame.days.map((day) =>
            object([
              ["Timestamp", utcTime(day.timestamp)],
              ["ReplicatedVms", day.replicatedVms],
              ["BackupedVms", day.backupedVms],
            ]),
          ),
        ],
      ]),

    repository: (frame) =>
      write([
        [
          "Periods",
          frame.periods.map((period) =>
            object([
              ["Name", period.name],
              ["Capacity", period.capacity],
              ["FreeSpace", period.freeSpace],
              ["BackupSize", period.backupSize],
            ]),
          ),
        ],
        ["CapacityPlanningReportLink", frame.capacityPlanningReportLink],
      ]),
  };
}

/** Report bodies as EM 12 writes them in JSON. */
export const jsonReports: ReportRepresentation = reportWriter("pascal");

/** Report bodies as EM 13 writes them: the same members in camelCase. */
export const camelJsonReports: ReportRepresentation = reportWriter("camel");

/** The JSON reports of a casing (`emrest serve --json-casing`). */
export function jsonReportsFor(casing: JsonCasing): ReportRepresentation {
  return casing === "camel" ? camelJsonReports : jsonReports;
}
