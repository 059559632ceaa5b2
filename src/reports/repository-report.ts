import type { InventoryView } from "../inventory/view.js";
import { reportIndex } from "./report-index.js";
import type { RepositoryReportFrame } from "./report-frames.js";
import { REPORT_LINKS } from "./report-links.js";

/**
 * `/reports/summary/repository`: "backup repositories, their capacity, free space and size
 * of backup files on these backup repositories" (vendor page reports_summary_repository).
 * One `Period` per repository, in the order of the repositories list. Capacity and
 * FreeSpace are the repository's own (-1 where unknown, as for object storage); BackupSize
 * is the bytes of every backup file of the backups kept in it.
 */
export function repositoryReport(view: InventoryView): RepositoryReportFrame {
  const bytesByRepository = reportIndex(view).backupBytesByRepository;
  const periods = view.all("repositories").map((repository) => ({
    name: repository.name,
    capacity: repository.capacity,
    freeSpace: repository.freeSpace,
    backupSize: bytesByRepository.get(repository.id) ?? 0,
  }));
  return { periods, capacityPlanningReportLink: REPORT_LINKS.capacityPlanning };
}
