/**
 * The query service's engine over a site with 100,000 backup job sessions, in this process:
 * pages per second and latency of typical queries (the default order, deep pages, a sort on
 * an indexed property, filters that scan), after the first query of each kind has built the
 * view's indexes. The time those first queries take is reported as a note.
 */
import {
  emptyInventory,
  type Inventory,
  type JobSession,
  type TaskSession,
} from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import { readQueryRequest, type QueryParameters } from "../../src/query/query-request.js";
import { runQuery } from "../../src/query/run-query.js";
import type { BenchContext } from "../context.js";
import { median } from "../load.js";

const FULL_SESSIONS = 100_000;
const QUICK_SESSIONS = 5_000;
const JOBS = 400;
const DAY = 86_400_000;

function scenarios(lastDay: string): [name: string, query: QueryParameters][] {
  return [
    ["default order, page 1", {}],
    ["default order, page 500", { page: "500" }],
    ["sortDesc=CreationTime, page 1", { sortDesc: "CreationTime" }],
    ["sortAsc=JobName, page 300", { sortAsc: "JobName", page: "300" }],
    ["filter Result==Failed (scan)", { filter: "Result==Failed" }],
    [
      "filter CreationTime>= a day ago, sortDesc=CreationTime",
      { filter: `CreationTime>="${lastDay}"`, sortDesc: "CreationTime" },
    ],
    [
      'filter JobName=="Job 0042";Result!=Success',
      { filter: 'JobName=="Job 0042";Result!=Success' },
    ],
    ["filter State==Working (scan)", { filter: "State==Working" }],
    [
      "task sessions: filter State==InProgress (scan)",
      { type: "BackupTaskSession", filter: "State==InProgress" },
    ],
  ];
}

export async function querySection(ctx: BenchContext): Promise<void> {
  const count = ctx.settings.quick ? QUICK_SESSIONS : FULL_SESSIONS;
  const now = Date.parse("2026-06-15T06:00:00Z");
  const view = new InventoryView(siteWith(count, now));
  const lastDay = new Date(now - DAY).toISOString();
  const label = count.toLocaleString("en-US");

  const firstHits: string[] = [];
  for (const [name, query] of scenarios(lastDay)) {
    const request = readQueryRequest({ type: "BackupJobSession", format: "Entities", ...query });
    const run = () => runQuery(view, request.spec, now);
    const started = performance.now();
    run();
    firstHits.push(`${name} ${(performance.now() - started).toFixed(0)} ms`);

    for (let rep = 0; rep < ctx.settings.reps; rep++) {
      ctx.results.add(
        `query engine, ${label} sessions: ${name}`,
        measure(run, ctx.settings.seconds),
      );
    }
  }
  ctx.results.note(
    `Query engine over ${label} backup job sessions, in process, 100 a page, without ` +
      `rendering. First query of each kind (builds that view's keys and orders): ${firstHits.join("; ")}.`,
  );
}

/** Runs `work` back to back for `seconds`: pages per second, latency, CPU per page. */
function measure(work: () => unknown, seconds: number) {
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    const before = performance.now();
    work();
    latencies.push(performance.now() - before);
  }
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: median(latencies),
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? NaN,
    cpuUs: (cpuSeconds * 1e6) / latencies.length,
    busy: cpuSeconds / elapsed,
  };
}

const guid = (kind: number, n: number) =>
  `${kind.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

/**
 * One backup server, 400 daily jobs, and `count` sessions spread over their history, each
 * with one task session, so filters on a task's State are measured too.
 */
function siteWith(count: number, now: number): Inventory {
  const inventory = emptyInventory();
  inventory.backupServers.push({
    id: guid(1, 1),
    name: "vbr01",
    description: "",
    port: 9392,
    version: "12.3",
    wcfPort: 9393,
    certificateThumbprint: "",
  });
  for (let j = 0; j < JOBS; j++) {
    inventory.jobs.push({
      id: guid(2, j),
      backupServerId: guid(1, 1),
      name: `Job ${String(j).padStart(4, "0")}`,
      jobType: "Backup",
      platform: "VMware",
      description: "",
      scheduleConfigured: true,
      scheduleEnabled: true,
      dailyAtMinute: j % 1440,
      nextRun: now + DAY,
      repositoryId: null,
      vmIds: [],
      linkedJobIds: [],
      linkedBackupRepositoryIds: [],
    });
  }
  const days = Math.ceil(count / JOBS);
  for (let n = 0; n < count; n++) {
    const job = n % JOBS;
    const start = now - (days - Math.floor(n / JOBS)) * DAY + job * 60_000;
    inventory.jobSessions.push(session(n, job, start));
    inventory.taskSessions.push(task(inventory.jobSessions[n]!));
  }
  return inventory;
}

function session(n: number, job: number, start: number): JobSession {
  const roll = (n * 2_654_435_761) % 100;
  const result = roll < 85 ? "Success" : roll < 95 ? "Warning" : "Failed";
  return {
    id: guid(3, n),
    jobId: guid(2, job),
    kind: "Backup",
    creationTime: start,
    endTime: start + 600_000 + (roll % 60) * 60_000,
    result,
    failureMessage: "",
    isRetry: roll === 99,
  };
}

// Its VM starts a little after the run queues it, so the task has a pending stage.
function task(run: JobSession): TaskSession {
  return {
    id: guid(4, Number.parseInt(run.id.slice(-12), 16)),
    jobSessionId: run.id,
    vmId: guid(5, 0),
    creationTime: run.creationTime + 30_000,
    endTime: run.endTime,
    result: run.result,
    reason: "",
    totalSize: 1,
  };
}
