import type { ReportRepresentation } from "../reports.js";
import { utcTime } from "../reports.js";
import { link } from "./json-representation.js";

// Member order follows the EM 12 captures (test/fixtures/*overview*_v12.json): the frame's
// own elements in XSD order, then ResourceType's Links, Href and Type, which EM leaves null on
// reports. Repeated elements become plural arrays: `Period` → `Periods`, `Day` → `Days`, with
// members in XSD order (as a client's recorded replies show: Name, Capacity, FreeSpace,
// BackupSize; Timestamp, ReplicatedVms, BackupedVms).
const RESOURCE = { Links: null, Href: null, Type: null };

/** Report bodies as EM 12 writes them in JSON. */
export const jsonReports: ReportRepresentation = {
  contentType: "application/json; charset=utf-8",

  summaryReport: (links) => JSON.stringify({ Links: links.map(link), Href: null, Type: null }),

  overview: (frame) =>
    JSON.stringify({
      BackupServers: frame.backupServers,
      ProxyServers: frame.proxyServers,
      RepositoryServers: frame.repositoryServers,
      RunningJobs: frame.runningJobs,
      ScheduledJobs: frame.scheduledJobs,
      SuccessfulVmLastestStates: frame.successfulVmLastestStates,
      WarningVmLastestStates: frame.warningVmLastestStates,
      FailedVmLastestStates: frame.failedVmLastestStates,
      ...RESOURCE,
    }),

  vmsOverview: (frame) =>
    JSON.stringify({
      ProtectedVms: frame.protectedVms,
      BackedUpVms: frame.backedUpVms,
      ReplicatedVms: frame.replicatedVms,
      RestorePoints: frame.restorePoints,
      FullBackupPointsSize: frame.fullBackupPointsSize,
      IncrementalBackupPointsSize: frame.incrementalBackupPointsSize,
      ReplicaRestorePointsSize: frame.replicaRestorePointsSize,
      SourceVmsSize: frame.sourceVmsSize,
      SuccessBackupPercents: frame.successBackupPercents,
      ProtectedVmsReportLink: frame.protectedVmsReportLink,
      ...RESOURCE,
    }),

  jobStatistics: (frame) =>
    JSON.stringify({
      RunningJobs: frame.runningJobs,
      ScheduledJobs: frame.scheduledJobs,
      ScheduledBackupJobs: frame.scheduledBackupJobs,
      ScheduledReplicaJobs: frame.scheduledReplicaJobs,
      TotalJobRuns: frame.totalJobRuns,
      SuccessfulJobRuns: frame.successfulJobRuns,
      WarningsJobRuns: frame.warningsJobRuns,
      FailedJobRuns: frame.failedJobRuns,
      MaxJobDuration: frame.maxJobDuration,
      MaxBackupJobDuration: frame.maxBackupJobDuration,
      MaxReplicaJobDuration: frame.maxReplicaJobDuration,
      MaxDurationBackupJobName: frame.maxDurationBackupJobName,
      MaxDurationReplicaJobName: frame.maxDurationReplicaJobName,
      BackupJobStatusReportLink: frame.backupJobStatusReportLink,
      ...RESOURCE,
    }),

  processedVms: (frame) =>
    JSON.stringify({
      Days: frame.days.map((day) => ({
        Timestamp: utcTime(day.timestamp),
        ReplicatedVms: day.replicatedVms,
        BackupedVms: day.backupedVms,
      })),
      ...RESOURCE,
    }),

  repository: (frame) =>
    JSON.stringify({
      Periods: frame.periods.map((period) => ({
        Name: period.name,
        Capacity: period.capacity,
        FreeSpace: period.freeSpace,
        BackupSize: period.backupSize,
      })),
      CapacityPlanningReportLink: frame.capacityPlanningReportLink,
      ...RESOURCE,
    }),
};
