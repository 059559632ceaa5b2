/**
 * A job's `JobScheduleOptions` from the one schedule the inventory keeps: a daily run at a
 * fixed UTC time. Member order and names (including the vendor's `Standart`) follow the Job
 * example on the vendor's resource_representation_for_ke page; schedule kinds the inventory
 * does not model (monthly, periodic, continuous, windows, chaining, retries) are null.
 */
import type { Job } from "../inventory/model.js";
import { nested, repeated, type FieldValue } from "../representation/resource.js";

const WEEK = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

// The vendor writes an xs:time with seven fraction digits and an offset (14:00:00.0000000+01:00).
function timeOfDay(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00.0000000+00:00`;
}

/** Null for a job without a schedule. */
export function scheduleOptions(job: Job): FieldValue {
  if (job.dailyAtMinute === null) return null;
  const daily = nested({
    elements: [
      ["Kind", "Everyday"],
      ["Days", repeated(WEEK)],
      ["Time", timeOfDay(job.dailyAtMinute)],
      ["TimeOffsetUtc", 0],
    ],
    attributes: [["Enabled", job.scheduleEnabled]],
  });
  const standard = nested({
    elements: [
      ["RetryOptions", null],
      ["WaitForBackupCompletion", null],
      ["BackupCompetitionWaitingPeriodMin", null],
      ["OptionsDaily", daily],
      ["OptionsMonthly", null],
      ["OptionsPeriodically", null],
      ["OptionsContinuous", null],
      ["OptionsBackupWindow", null],
      ["OptionsDaisyChaining", null],
    ],
  });
  return nested({
    elements: [
      ["Standart", standard],
      ["ImmediateCopyMode", null],
    ],
  });
}
