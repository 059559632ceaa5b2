/**
 * How the `/reports/summary` resources are written, XML or JSON. Kept beside
 * `Representation` rather than in it: report bodies are their own family of shapes.
 */
import type {
  JobStatisticsReportFrame,
  OverviewReportFrame,
  ProcessedVmsReportFrame,
  RepositoryReportFrame,
  VmsOverviewReportFrame,
} from "../reports/report-frames.js";
import type { Link } from "./representation.js";

export interface ReportRepresentation {
  /** The full Content-Type header value. */
  readonly contentType: string;
  /** `SummaryReport`: the links to the frames. */
  summaryReport(links: Link[]): string;
  overview(frame: OverviewReportFrame): string;
  vmsOverview(frame: VmsOverviewReportFrame): string;
  jobStatistics(frame: JobStatisticsReportFrame): string;
  processedVms(frame: ProcessedVmsReportFrame): string;
  repository(frame: RepositoryReportFrame): string;
}

/** `2026-06-15T00:00:00Z`: ISO 8601 in UTC with the milliseconds' trailing zeros dropped. */
export function utcTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0+Z$/, "Z");
}
