import type { Link } from "../representation/representation.js";

/**
 * The five frames `/reports/summary` links to: Name and path as the vendor's page
 * reports_summary lists them (the last is named Repositories, its path is `repository`).
 */
export const REPORT_FRAMES = [
  ["Overview", "overview"],
  ["VmsOverview", "vms_overview"],
  ["JobStatistics", "job_statistics"],
  ["ProcessedVms", "processed_vms"],
  ["Repositories", "repository"],
] as const;

/**
 * The `Links` of `SummaryReport`: one Down link of type ReportFrame per frame. The vendor's
 * examples (9.0 to 13.1) show these five and no Up link, so there is none.
 */
export function summaryReportLinks(apiBase: string): Link[] {
  return REPORT_FRAMES.map(([name, path]) => ({
    rel: "Down",
    href: `${apiBase}reports/summary/${path}`,
    name,
    type: "ReportFrame",
  }));
}
