/**
 * The EM web UI pages the frames point at, relative to the EM website as the vendor writes
 * them (`Workspace/ViewReport.aspx?definition=<report GUID>&ShowParams=1`). The GUIDs name EM's
 * built-in reports: the captured EM 12 and EM 13 servers and the vendor's reports_summary
 * pages all carry these same ones. emrest serves no web UI behind them.
 */
export const REPORT_LINKS = {
  protectedVms: reportLink("8a56d84f-1790-4f54-ab20-2e0bfdefa16b"),
  backupJobStatus: reportLink("7962844d-db6c-4d29-8b6e-4e0f7db0785f"),
  capacityPlanning: reportLink("62221565-102c-4ec8-851b-d61c03d972d1"),
} as const;

function reportLink(definition: string): string {
  return `Workspace/ViewReport.aspx?definition=${definition}&ShowParams=1`;
}
