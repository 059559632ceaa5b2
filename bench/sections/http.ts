/**
 * Requests per second against the bare node:http baseline: the entry point, an
 * authenticated read of a LogonSession (XML and JSON) and a read with a bad token.
 */
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { tokenFor } from "../../src/sessions/session-id.js";
import { startBare, type BareServer } from "../bare.js";
import type { BenchContext } from "../context.js";
import { logon, replyOf, startEmrest } from "../emrest-process.js";
import { runLoad } from "../load.js";
import { summariseProfile } from "../profile.js";
import { atLeast, atMost, ms, percent, times, type Results } from "../results.js";

export const CONNECTIONS = 50;
export const READ_XML = "GET session, XML, SQLite";
const READ_JSON = "GET session, JSON, SQLite";
const ENTRY = "GET /api/, XML";
const BAD_TOKEN = "GET session, bad token → 401";

interface Scenario {
  name: string;
  baseline?: string;
  url: string;
  pid: number;
  headers?: Record<string, string>;
  status: number;
}

export async function httpSection(ctx: BenchContext): Promise<void> {
  const dir = ctx.dir("http");
  const server = await startEmrest({ dataDir: dir });
  const bares: BareServer[] = [];
  let storeWrites = 0;
  try {
    const session = await logon(server.api);
    const url = `${server.api}logonSessions/${session.id}`;
    const xml = { "x-restsvcsessionid": session.token };
    const json = { ...xml, accept: "application/json" };
    const bad = { "x-restsvcsessionid": tokenFor(randomUUID()) };

    const bare = async (name: string, target: string, headers: Record<string, string>) => {
      const started = await startBare(dir, name, await replyOf(target, headers));
      bares.push(started);
      return started;
    };
    const [entryBare, xmlBare, jsonBare] = [
      await bare("entry", server.api, {}),
      await bare("xml", url, xml),
      await bare("json", url, json),
    ];

    const emrest = { pid: server.pid, url };
    const scenarios: Scenario[] = [
      { name: "bare: entry-point body", ...entryBare, status: 200 },
      { name: ENTRY, baseline: "bare: entry-point body", ...emrest, url: server.api, status: 200 },
      { name: "bare: session XML body", ...xmlBare, status: 200 },
      { name: READ_XML, baseline: "bare: session XML body", ...emrest, headers: xml, status: 200 },
      { name: "bare: session JSON body", ...jsonBare, status: 200 },
      {
        name: READ_JSON,
        baseline: "bare: session JSON body",
        ...emrest,
        headers: json,
        status: 200,
      },
      { name: BAD_TOKEN, baseline: READ_XML, ...emrest, headers: bad, status: 401 },
    ];

    for (const scenario of scenarios) await warmUp(ctx, scenario);
    const writes = storeWriteCounter(join(dir, "emrest.db"));
    for (let rep = 0; rep < ctx.settings.reps; rep++) {
      for (const scenario of scenarios) {
        // Reads still in flight when the previous run ended may slide their session.
        if (scenario.name === BAD_TOKEN) await new Promise((resolve) => setTimeout(resolve, 250));
        const before = scenario.name === BAD_TOKEN ? writes() : 0;
        await measure(ctx, scenario);
        if (scenario.name === BAD_TOKEN) storeWrites += writes() - before;
      }
    }
  } finally {
    await Promise.all([server.stop(), ...bares.map((b) => b.stop())]);
  }
  judge(ctx.results, storeWrites);
  if (ctx.settings.profile) await profileRead(ctx);
}

async function warmUp(ctx: BenchContext, scenario: Scenario): Promise<void> {
  if (ctx.settings.warmupSeconds <= 0) return;
  const { url, headers, pid } = scenario;
  const duration = ctx.settings.warmupSeconds;
  await runLoad({ url, headers, connections: CONNECTIONS, duration, serverPid: pid });
}

async function measure(ctx: BenchContext, scenario: Scenario): Promise<void> {
  const { url, headers, pid } = scenario;
  const duration = ctx.settings.seconds;
  const result = await runLoad({
    url,
    headers,
    connections: CONNECTIONS,
    duration,
    serverPid: pid,
  });
  const unexpected = Object.keys(result.statuses).filter((s) => Number(s) !== scenario.status);
  if (unexpected.length || result.errors) {
    ctx.results.note(
      `${scenario.name}: expected only ${scenario.status}, got ${JSON.stringify(result.statuses)}` +
        ` and ${result.errors} connection errors.`,
    );
  }
  ctx.results.add(scenario.name, result, scenario.baseline);
}

/**
 * Counts commits by other connections to the SQLite file: `PRAGMA data_version` changes
 * whenever another connection has committed a change since it was last read.
 */
function storeWriteCounter(file: string): () => number {
  const db = new Database(file, { readonly: true });
  let last = db.pragma("data_version", { simple: true }) as number;
  let count = 0;
  return () => {
    const now = db.pragma("data_version", { simple: true }) as number;
    if (now !== last) count++;
    last = now;
    return count;
  };
}

/** Profiles a separate server through one read run; the profiler slows it down. */
async function profileRead(ctx: BenchContext): Promise<void> {
  const dir = ctx.dir("profile");
  const server = await startEmrest({
    dataDir: dir,
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  });
  try {
    const session = await logon(server.api);
    const url = `${server.api}logonSessions/${session.id}`;
    const headers = { "x-restsvcsessionid": session.token };
    const duration = ctx.settings.seconds;
    await runLoad({ url, headers, connections: CONNECTIONS, duration, serverPid: server.pid });
  } finally {
    await server.stop();
  }
  const title = `Profile: where emrest's CPU goes in ${READ_XML} (${CONNECTIONS} connections)`;
  ctx.results.profiles.push({ title, lines: summariseProfile(dir, ctx.settings.seconds) });
}

/** The lower of the req/s ratio and the CPU-time ratio (see the README's Benchmarks). */
export function throughputRatio(results: Results, name: string, baseline: string): number {
  const rps = results.median(name, "rps") / results.median(baseline, "rps");
  const cpu = results.median(baseline, "cpuUs") / results.median(name, "cpuUs");
  return Math.min(rps, cpu);
}

function judge(results: Results, storeWrites: number): void {
  const ratio = atLeast(percent);
  results.check(
    "GET session (XML) vs bare node:http",
    throughputRatio(results, READ_XML, "bare: session XML body"),
    0.6,
    ratio,
  );
  results.check(
    "GET session (JSON) vs bare node:http",
    throughputRatio(results, READ_JSON, "bare: session JSON body"),
    0.6,
    ratio,
  );
  results.check(
    `GET session (XML) p99, ${CONNECTIONS} connections`,
    results.median(READ_XML, "p99"),
    10,
    atMost(ms),
  );
  results.check(
    `GET session (JSON) p99, ${CONNECTIONS} connections`,
    results.median(READ_JSON, "p99"),
    10,
    atMost(ms),
  );
  results.check(
    "GET /api/ vs bare node:http",
    throughputRatio(results, ENTRY, "bare: entry-point body"),
    0.8,
    ratio,
  );
  results.check(
    "bad token: CPU per request vs valid token",
    results.median(BAD_TOKEN, "cpuUs") / results.median(READ_XML, "cpuUs"),
    1.2,
    atMost(times),
  );
  results.check("bad token: store commits during its runs", storeWrites, 0, atMost(String));
}
