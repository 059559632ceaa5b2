/**
 * Logons against the raw argon2id rate; reads while logons saturate the hashing; the time
 * of a wrong password against an unknown account; 503 past the bounded logon queue.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { BenchContext } from "../context.js";
import { ADMIN, logon, REPO, startEmrest, type EmrestServer } from "../emrest-process.js";
import { percentile, runLoad } from "../load.js";
import { runQueueWaitMs, SERVER_CORE } from "../processes.js";
import { atLeast, atMost, ms, percent, times, type Figures } from "../results.js";

const HASHING = 8;
const RAW = "raw argon2id verify, 8 at once";
const LOGONS = "POST logon → 201, 8 connections";
const READ_RATE = 1000;
const UNLOADED = `GET session at ${READ_RATE}/s`;
const LOADED = `GET session at ${READ_RATE}/s, logons saturating`;
const WRONG = "POST logon, wrong password, 1 at a time";
const UNKNOWN = "POST logon, unknown account, 1 at a time";

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

export async function logonSection(ctx: BenchContext): Promise<void> {
  // Throttling of failed logons is off here: the timing target is about checking passwords.
  const flags = ["--max-account-failures", "0", "--max-address-failures", "0"];
  const server = await startEmrest({ dataDir: ctx.dir("logons"), flags });
  let stall = NaN;
  let overload = { share: NaN, retryAfter: NaN };
  try {
    for (let rep = 0; rep < ctx.settings.reps; rep++) {
      ctx.results.add(RAW, rawArgon2Rate(ctx.settings.seconds));
      ctx.results.add(LOGONS, await logonLoad(ctx, server, HASHING), RAW);
    }
    stall = await readsUnderLogons(ctx, server);
    for (let rep = 0; rep < ctx.settings.reps; rep++) await wrongVersusUnknown(ctx, server);
    overload = await overloadLogons(server);
  } finally {
    await server.stop();
  }

  const { results } = ctx;
  const logonShare = results.median(LOGONS, "rps") / results.median(RAW, "rps");
  results.check("logons vs raw argon2id rate", logonShare, 0.85, atLeast(percent));
  const loadedP99 = results.median(LOADED, "p99") / results.median(UNLOADED, "p99");
  results.check("read p99 with logons saturating vs unloaded", loadedP99, 2, atMost(times));
  results.check("longest event-loop stall with logons saturating", stall, 20, atMost(ms));
  const wrong = results.median(WRONG, "p50");
  const gap = Math.abs(results.median(UNKNOWN, "p50") - wrong) / wrong;
  results.check("unknown account vs wrong password, p50 time", gap, 0.1, atMost(percent));
  results.check("logons past the queue answered 503", overload.share, 0.01, atLeast(percent));
  results.check("503 answers with Retry-After", overload.retryAfter, 1, atLeast(percent));
}

/** Runs the raw rate as its own process pinned to the server core. */
function rawArgon2Rate(seconds: number): Figures {
  const script = join(REPO, "bench/argon2-rate.ts");
  const args = ["-c", String(SERVER_CORE), process.execPath, "--import", "tsx", script];
  const output = execFileSync("taskset", [...args, String(seconds), String(HASHING)], {
    encoding: "utf8",
  });
  return JSON.parse(output) as Figures;
}

function logonLoad(ctx: BenchContext, server: EmrestServer, connections: number) {
  return runLoad({
    url: `${server.api}sessionMngr/?v=latest`,
    method: "POST",
    headers: { authorization: basic(ADMIN.user, ADMIN.password) },
    connections,
    duration: ctx.settings.seconds,
    serverPid: server.pid,
  });
}

/**
 * Reads at a fixed rate, first alone, then while logons keep the hashing threads busy.
 * Returns the longest event-loop stall the server saw during the loaded runs.
 */
async function readsUnderLogons(ctx: BenchContext, server: EmrestServer): Promise<number> {
  const session = await logon(server.api);
  const reads = () =>
    runLoad({
      url: `${server.api}logonSessions/${session.id}`,
      headers: { "x-restsvcsessionid": session.token },
      connections: 10,
      overallRate: READ_RATE,
      duration: ctx.settings.seconds,
      serverPid: server.pid,
    });

  let stall = 0;
  let unloadedStall = 0;
  let waited = 0;
  for (let rep = 0; rep < ctx.settings.reps; rep++) {
    await server.diagnostics();
    ctx.results.add(UNLOADED, await reads());
    unloadedStall = Math.max(unloadedStall, (await server.diagnostics()).eventLoopDelayMaxMs);
    const waitBefore = runQueueWaitMs(server.pid);
    const [loaded] = await Promise.all([reads(), logonLoad(ctx, server, 2 * HASHING)]);
    stall = Math.max(stall, (await server.diagnostics()).eventLoopDelayMaxMs);
    waited += runQueueWaitMs(server.pid) - waitBefore;
    // The server's CPU went to logons too, so CPU per read means nothing here.
    ctx.results.add(LOADED, { ...loaded, cpuUsPerRequest: NaN, cpuBusy: NaN }, UNLOADED);
  }
  ctx.results.note(
    `Event-loop stalls: longest ${stall.toFixed(1)} ms with logons saturating the hashing, ` +
      `${unloadedStall.toFixed(1)} ms in the same reads without logons. During the loaded runs ` +
      `the main thread waited ${waited.toFixed(0)} ms in all for its core (run queue).`,
  );
  return stall;
}

/** Alternates failing logons of a known account and of an unknown one, one at a time. */
async function wrongVersusUnknown(ctx: BenchContext, server: EmrestServer): Promise<void> {
  const count = ctx.settings.quick ? 8 : 60;
  const kinds = [
    { name: WRONG, authorization: basic(ADMIN.user, "not the password") },
    { name: UNKNOWN, authorization: basic("BENCH\\nobody", "not the password") },
  ];
  const times = new Map(kinds.map((kind) => [kind.name, [] as number[]]));
  for (let i = 0; i < count; i++) {
    for (const kind of kinds) {
      const started = performance.now();
      const response = await fetch(`${server.api}sessionMngr/?v=latest`, {
        method: "POST",
        headers: { authorization: kind.authorization },
      });
      await response.arrayBuffer();
      if (response.status !== 401) throw new Error(`${kind.name} answered ${response.status}`);
      times.get(kind.name)!.push(performance.now() - started);
    }
  }
  for (const kind of kinds) {
    const sorted = times.get(kind.name)!.sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    const figures = { rps: 1000 / mean, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    ctx.results.add(
      kind.name,
      { ...figures, cpuUs: NaN, busy: NaN },
      kind === kinds[1] ? WRONG : undefined,
    );
  }
}

/** Sends far more logons at once than the queue holds; returns shares of 503s and headers. */
async function overloadLogons(server: EmrestServer) {
  const attempts = 200;
  const replies = await Promise.all(
    Array.from({ length: attempts }, async () => {
      const response = await fetch(`${server.api}sessionMngr/?v=latest`, {
        method: "POST",
        headers: { authorization: basic(ADMIN.user, ADMIN.password) },
      });
      await response.arrayBuffer();
      return { status: response.status, retryAfter: response.headers.get("retry-after") };
    }),
  );
  const refused = replies.filter((reply) => reply.status === 503);
  const odd = replies.filter((reply) => reply.status !== 503 && reply.status !== 201);
  if (odd.length) throw new Error(`overload answered ${odd.map((r) => r.status).join(", ")}`);
  return {
    share: refused.length / attempts,
    retryAfter: refused.length ? refused.filter((r) => r.retryAfter).length / refused.length : NaN,
  };
}
