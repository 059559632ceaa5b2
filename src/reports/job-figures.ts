/**
 * Figures about jobs that both the overview and the job statistics frames show, defined once
 * so the two frames always agree.
 */
import { sessionState, type Job, type JobSession } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";

/**
 * A job runs by itself when it has a schedule (ScheduleConfigured: "Run the job
 * automatically") and the schedule is not disabled (ScheduleEnabled). A job run only by hand
 * is not scheduled, whatever its enabled flag says.
 */
export function isScheduled(job: Job): boolean {
  return job.scheduleConfigured && job.scheduleEnabled;
}

/** Replication jobs; every other type (backup, backup copy, file copy) counts as backup. */
export function isReplicaJob(job: Job): boolean {
  return job.jobType === "Replica";
}

/** Whether a run has started by `now` and is still Working then (`sessionState`). */
export function isRunning(session: JobSession, now: number): boolean {
  return session.creationTime <= now && sessionState(session, now).state === "Working";
}

/** Scheduled jobs, all of them and split into backup and replica jobs. */
export function scheduledJobCounts(view: InventoryView) {
  const scheduled = view.all("jobs").filter(isScheduled);
  const replica = scheduled.filter(isReplicaJob).length;
  return { all: scheduled.length, backup: scheduled.length - replica, replica };
}

/** Jobs with at least one session Working at `now`. */
export function runningJobCount(view: InventoryView, now: number): number {
  const running = new Set<string>();
  for (const session of view.all("jobSessions")) {
    if (isRunning(session, now)) running.add(session.jobId);
  }
  return running.size;
}
