import type { ReportRepresentation } from "../reports.js";
import { utcTime } from "../reports.js";
import { NAMESPACES } from "./xml-namespaces.js";
import { document, links } from "./xml-representation.js";
import { element, emptyElement, textElement, type Attributes } from "./xml-writer.js";

// The vendor's report examples (reports_summary*, 9.0 to 13.1) carry no Href or Type on the
// root and no Links on the frames, as the EM 12 JSON leaves them null; children follow the
// XSD (OverviewReportFrameType and its siblings).

function frame(root: string, fields: [name: string, value: string | number][]): string {
  const content = fields.map(([name, value]) => textElement(name, String(value))).join("");
  return document(element(root, NAMESPACES, content));
}

/** Report bodies as Enterprise Manager writes them in XML. */
export const xmlReports: ReportRepresentation = {
  contentType: "application/xml; charset=utf-8",

  summaryReport: (values) => document(element("SummaryReport", NAMESPACES, links(values))),

  overview: (f) =>
    frame("OverviewReportFrame", [
      ["BackupServers", f.backupServers],
      ["ProxyServers", f.proxyServers],
      ["RepositoryServers", f.repositoryServers],
      ["RunningJobs", f.runningJobs],
      ["ScheduledJobs", f.scheduledJobs],
      ["SuccessfulVmLastestStates", f.successfulVmLastestStates],
      ["WarningVmLastestStates", f.warningVmLastestStates],
      ["FailedVmLastestStates", f.failedVmLastestStates],
    ]),

  vmsOverview: (f) =>
    frame("VmsOverviewReportFrame", [
      ["ProtectedVms", f.protectedVms],
      ["BackedUpVms", f.backedUpVms],
      ["ReplicatedVms", f.replicatedVms],
      ["RestorePoints", f.restorePoints],
      ["FullBackupPointsSize", f.fullBackupPointsSize],
      ["IncrementalBackupPointsSize", f.incrementalBackupPointsSize],
      ["ReplicaRestorePointsSize", f.replicaRestorePointsSize],
      ["SourceVmsSize", f.sourceVmsSize],
      ["SuccessBackupPercents", f.successBackupPercents],
      ["ProtectedVmsReportLink", f.protectedVmsReportLink],
    ]),

  jobStatistics: (f) =>
    frame("JobStatisticsReportFrame", [
      ["RunningJobs", f.runningJobs],
      ["ScheduledJobs", f.scheduledJobs],
      ["ScheduledBackupJobs", f.scheduledBackupJobs],
      ["ScheduledReplicaJobs", f.scheduledReplicaJobs],
      ["TotalJobRuns", f.totalJobRuns],
      ["SuccessfulJobRuns", f.successfulJobRuns],
      ["WarningsJobRuns", f.warningsJobRuns],
      ["FailedJobRuns", f.failedJobRuns],
      ["MaxJobDuration", f.maxJobDuration],
      ["MaxBackupJobDuration", f.maxBackupJobDuration],
      ["MaxReplicaJobDuration", f.maxReplicaJobDuration],
      ["MaxDurationBackupJobName", f.maxDurationBackupJobName],
      ["MaxDurationReplicaJobName", f.maxDurationReplicaJobName],
      ["BackupJobStatusReportLink", f.backupJobStatusReportLink],
    ]),

  // `Day` carries its figures as attributes, in XSD order.
  processedVms: (f) => {
    const days = f.days.map((day) => {
      const attributes: Attributes = [
        ["Timestamp", utcTime(day.timestamp)],
        ["ReplicatedVms", String(day.replicatedVms)],
        ["BackupedVms", String(day.backupedVms)],
      ];
      return emptyElement("Day", attributes);
    });
    return document(element("ProcessedVmsReportFrame", NAMESPACES, days.join("")));
  },

  // One `Period` element per repository; the report link is an attribute of the root.
  repository: (f) => {
    const periods = f.periods.map((period) =>
      element(
        "Period",
        [],
        textElement("Name", period.name) +
          textElement("Capacity", String(period.capacity)) +
          textElement("FreeSpace", String(period.freeSpace)) +
          textElement("BackupSize", String(period.backupSize)),
      ),
    );
    const attributes: Attributes = [
      ["CapacityPlanningReportLink", f.capacityPlanningReportLink],
      ...NAMESPACES,
    ];
    return document(element("RepositoryReportFrame", attributes, periods.join("")));
  },
};
