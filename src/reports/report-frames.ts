/**
 * The figures of the five frames under `/reports/summary`, named as the vendor's elements
 * (XSD `OverviewReportFrameType` and its siblings) in camelCase, in XSD order. Plain data:
 * `src/representation/*\/report-*.ts` write them as XML or JSON.
 */

/** `GET /reports/summary/overview`. */
export interface OverviewReportFrame {
  backupServers: number;
  proxyServers: number;
  repositoryServers: number;
  runningJobs: number;
  scheduledJobs: number;
  // "Lastest" is the vendor's spelling, kept so the names match the XSD and the wire.
  successfulVmLastestStates: number;
  warningVmLastestStates: number;
  failedVmLastestStates: number;
}

/** `GET /reports/summary/vms_overview`. Sizes are bytes. */
export interface VmsOverviewReportFrame {
  protectedVms: number;
  backedUpVms: number;
  replicatedVms: number;
  restorePoints: number;
  fullBackupPointsSize: number;
  incrementalBackupPointsSize: number;
  replicaRestorePointsSize: number;
  sourceVmsSize: number;
  successBackupPercents: number;
  protectedVmsReportLink: string;
}

/** `GET /reports/summary/job_statistics`. Durations are whole seconds. */
export interface JobStatisticsReportFrame {
  runningJobs: number;
  scheduledJobs: number;
  scheduledBackupJobs: number;
  scheduledReplicaJobs: number;
  totalJobRuns: number;
  successfulJobRuns: number;
  warningsJobRuns: number;
  failedJobRuns: number;
  maxJobDuration: number;
  maxBackupJobDuration: number;
  maxReplicaJobDuration: number;
  /** Empty, as the vendor sends it, when no run of that kind counts. */
  maxDurationBackupJobName: string;
  maxDurationReplicaJobName: string;
  backupJobStatusReportLink: string;
}

/** One `Day` of `ProcessedVmsReportFrame`; `timestamp` is the day's first millisecond, UTC. */
export interface ProcessedVmsDay {
  timestamp: number;
  replicatedVms: number;
  backupedVms: number;
}

/** `GET /reports/summary/processed_vms`: newest day first. */
export interface ProcessedVmsReportFrame {
  days: ProcessedVmsDay[];
}

/** One `Period` of `RepositoryReportFrame`: despite the name, one repository. */
export interface RepositoryPeriod {
  name: string;
  capacity: number;
  freeSpace: number;
  backupSize: number;
}

/** `GET /reports/summary/repository`. */
export interface RepositoryReportFrame {
  periods: RepositoryPeriod[];
  capacityPlanningReportLink: string;
}
