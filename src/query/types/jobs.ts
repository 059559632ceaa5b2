import type { Job } from "../../inventory/model.js";
import type { QueryType } from "../query-type.js";
import { serverOf } from "../relations.js";
import { backupServer, flag, oneOf, ownUid, text, time } from "./common.js";

/** Job platforms in the vendor's order (get_query_job, get_query_backup). */
export const PLATFORMS = [
  "VMware",
  "HyperV",
  "vCloud",
  "AgentForLinux",
  "AgentForWindows",
  "CustomPlatform",
];

// get_query_job. JobType stays a string: the inventory has job types the vendor's list lacks.
export const JOB: QueryType<Job> = {
  name: "Job",
  entities: "Jobs",
  items: (view) => view.all("jobs"),
  properties: [
    ownUid("Job"),
    text("Name", (job) => job.name),
    text("Description", (job) => job.description),
    time("NextRun", (job) => job.nextRun),
    text("JobType", (job) => job.jobType),
    oneOf("Platform", PLATFORMS, (job) => job.platform),
    flag("ScheduleConfigured", (job) => job.scheduleConfigured),
    flag("ScheduleEnabled", (job) => job.scheduleEnabled),
    ...backupServer<Job>((job, view) => serverOf(view, job.backupServerId)),
  ],
};
