/**
 * DateTime values in filters. The vendor accepts only UTC ("The parameter accepts only
 * UTC-formatted DateTime values", get_query_backupjobsession), in the ISO forms its examples
 * and clients use: `2025-08-15T06:00:00Z`, fractions up to 7 digits (.NET ticks,
 * `2025-08-14T12:31:30.389954Z`), and no zone at all (`2026-06-14T21:07:25`, sent by the
 * exporter in backup_jobs_sessions_metrics_v12), which is read as UTC. We also take a space
 * for the `T`, a date alone (midnight), and the zero offsets `+00:00` and `-00:00`; any other
 * offset is refused rather than silently shifted.
 */

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch (with a fraction below 1 ms when given), or a reason. */
export function parseUtcDateTime(text: string): number | { reason: string } {
  const found = DATE_TIME.exec(text);
  if (found === null) {
    return { reason: "expected a UTC date and time such as 2025-08-15T06:00:00Z" };
  }
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", zone = "Z"] = found;
  if (!/^(z|[+-]00:?00)$/i.test(zone)) {
    return { reason: `DateTime values must be in UTC (end in Z or carry no offset), not ${zone}` };
  }

  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[];
  // Date.UTC would read years 0-99 as 1900-1999; setUTCFullYear takes them as written.
  const back = new Date(0);
  back.setUTCFullYear(year!, month! - 1, day!);
  back.setUTCHours(hour!, minute!, second!, 0);
  const whole = back.getTime();
  const fits =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month! - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second;
  if (!fits) return { reason: `${text} is not a date and time that exists` };

  return fraction === "" ? whole : whole + Number(`0.${fraction}`) * 1000;
}
