/**
 * The `Name` of objects that have no name of their own, as EM writes them: a run is its
 * job's or VM's name and its start (`HOST@2026-06-15 05:50:19`, backup_jobs_tasks_sessions
 * capture), a restore point its time in SQL Server's default style (`Jun  5 2025  1:01AM`,
 * get_query_restorepoint). All in UTC.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `label@yyyy-MM-dd HH:mm:ss`. */
export function runName(label: string, time: number): string {
  const iso = new Date(time).toISOString();
  return `${label}@${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** `MMM dd yyyy hh:mmAM`, day and hour padded with a space. */
export function pointName(time: number): string {
  const at = new Date(time);
  const hour = at.getUTCHours() % 12 || 12;
  const minute = String(at.getUTCMinutes()).padStart(2, "0");
  const half = at.getUTCHours() < 12 ? "AM" : "PM";
  const day = String(at.getUTCDate()).padStart(2, " ");
  return `${MONTHS[at.getUTCMonth()]} ${day} ${at.getUTCFullYear()} ${String(hour).padStart(2, " ")}:${minute}${half}`;
}

/** The file name of a path written with either separator. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}
