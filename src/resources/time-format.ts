/**
 * Times and time-stamped names as EM writes them. Inventory times are epoch milliseconds, UTC.
 */

/** `2026-06-15T05:50:44.62Z`: ISO 8601 in UTC with the trailing zeros of the milliseconds
 * trimmed, and no fraction at all on a whole second (captures and doc examples). */
export function utcTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0+Z$/, "Z");
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2026-06-15 05:34:19`, the time in the names of sessions and points (`Job@time`). */
export function nameTime(ms: number): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `Name@2026-06-15 05:34:19`, the name of a job, task or restore session or VM point. */
export function timedName(name: string, ms: number): string {
  return `${name}@${nameTime(ms)}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * `Jun 15 2026  5:34AM`: a RestorePoint's name, SQL Server's default datetime text (day and
 * hour padded with a space), as in the captured `Related` links and the doc examples.
 */
export function restorePointName(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, " ");
  const hour = String(d.getUTCHours() % 12 || 12).padStart(2, " ");
  const half = d.getUTCHours() < 12 ? "AM" : "PM";
  return `${MONTHS[d.getUTCMonth()]} ${day} ${d.getUTCFullYear()} ${hour}:${pad(d.getUTCMinutes())}${half}`;
}
