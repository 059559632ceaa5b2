/**
 * The EM web UI pages the frames point at, relative to the EM website as the vendor writes
 * them (`Workspace/ViewReport.aspx?definition=<report GUID>&ShowParams=1`). emrest serves no
 * web UI; the GUIDs are our own, fixed so a client sees the same link every time.
 */
export const REPORT_LINKS = {
  protectedVms: reportLink("8528576e-9e7f-4cb3-a658-842cfb1489a3"),
  backupJobStatus: reportLink("b24d76d6-bbf1-4384-ac1c-73d62ae7de93"),
  capacityPlanning: reportLink("ed7132f9-5206-43db-8706-b0bc326fcbde"),
} as const;

function reportLink(definition: string): string {
  return `Workspace/ViewReport.aspx?definition=${definition}&ShowParams=1`;
}
