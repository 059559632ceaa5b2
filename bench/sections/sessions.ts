/**
 * A store with a million live sessions against one with a thousand: read rate, start-up
 * time, bytes per session on disk, heap per session, and the sweep that expires them.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { BenchContext } from "../context.js";
import { startEmrest, type EmrestServer } from "../emrest-process.js";
import { median, runLoad } from "../load.js";
import { runQueueWaitMs } from "../processes.js";
import { atLeast, atMost, bytes, ms, percent } from "../results.js";
import {
  expireAllBut,
  expiredCount,
  expiredLeft,
  seedSessions,
  type SeededSession,
} from "../seed-sessions.js";
import { CONNECTIONS, throughputRatio } from "./http.js";

const WORKING_SET = 1000;
const SWEEP_LIMIT_MS = 240_000;
/** Reads that warm a new server up before its first sweep. */
const WARM_UP_READS = 200;

interface Store {
  label: string;
  dir: string;
  file: string;
  sessions: SeededSession[];
  startups: number[];
  server?: EmrestServer;
}

export async function sessionsSection(ctx: BenchContext): Promise<void> {
  const { settings, results } = ctx;
  const large = settings.sessions.toLocaleString("en-US");
  const small = await prepare(ctx, "1,000", WORKING_SET);
  const big = await prepare(ctx, large, settings.sessions);
  const perSession = statSync(big.file).size / settings.sessions;

  let heapPerSession = NaN;
  try {
    for (const store of [small, big]) store.server = await startTimed(store, settings.reps);
    const read = (store: Store) => `GET session, ${store.label} sessions, 1,000 read in turn`;
    for (let rep = 0; rep < settings.reps; rep++) {
      for (const store of [small, big]) {
        const result = await readInTurn(ctx, store.server!, store.sessions);
        results.add(read(store), result, store === big ? read(small) : undefined);
      }
    }
    const heaps = await Promise.all([small, big].map((s) => s.server!.diagnostics()));
    heapPerSession = (heaps[1]!.heapUsedBytes - heaps[0]!.heapUsedBytes) / settings.sessions;
    results.check(
      `reads with ${large} sessions vs with 1,000`,
      throughputRatio(results, read(big), read(small)),
      0.9,
      atLeast(percent),
    );
  } finally {
    await Promise.all([small, big].map((s) => s.server?.stop()));
  }

  results.check(`start-up with ${large} sessions`, median(big.startups), 2000, atMost(ms));
  results.check("SQLite bytes on disk per session", perSession, 300, atMost(bytes));
  results.note(
    `Bytes per cached session: 0. A node caches no session; every request reads the store. ` +
      `Heap with ${large} sessions in the store minus heap with 1,000: ` +
      `${heapPerSession.toFixed(3)} B per session (noise: nothing per session is held). ` +
      `Start-up with 1,000 sessions: ${median(small.startups).toFixed(0)} ms.`,
  );
  await sweep(ctx, big);
}

/** A data dir whose store emrest has created, then filled with `count` sessions. */
async function prepare(ctx: BenchContext, label: string, count: number): Promise<Store> {
  const dir = ctx.dir(`sessions-${count}`);
  const created = await startEmrest({ dataDir: dir });
  await created.stop();
  const file = join(dir, "emrest.db");
  ctx.log(`seeding ${count.toLocaleString("en-US")} sessions…`);
  const sessions = seedSessions(file, count, WORKING_SET);
  return { label, dir, file, sessions, startups: [] };
}

/** Starts the server `times` times, keeping each start-up time and the last server. */
async function startTimed(store: Store, times: number): Promise<EmrestServer> {
  for (let i = 0; ; i++) {
    const server = await startEmrest({ dataDir: store.dir });
    store.startups.push(server.startupMs);
    if (i === times - 1) return server;
    await server.stop();
  }
}

/** Reads the working set's sessions in turn, each request with its own session's token. */
function readInTurn(
  ctx: BenchContext,
  server: EmrestServer,
  sessions: SeededSession[],
  options: { overallRate?: number; stopWhen?: Promise<unknown>; duration?: number } = {},
) {
  let next = 0;
  const path = new URL(server.api).pathname;
  return runLoad({
    url: server.api,
    connections: CONNECTIONS,
    duration: ctx.settings.seconds,
    serverPid: server.pid,
    ...options,
    requests: [
      {
        setupRequest: (request) => {
          const session = sessions[next++ % sessions.length]!;
          const headers = { "x-restsvcsessionid": session.token };
          return { ...request, path: `${path}logonSessions/${session.id}`, headers };
        },
      },
    ],
  });
}

/**
 * Ends every session but the working set, starts a server whose sweeper runs every second
 * and reads the working set at 1,000 requests a second until the sweep is done. Checks the
 * longest event-loop stall the server saw meanwhile.
 */
async function sweep(ctx: BenchContext, store: Store): Promise<void> {
  const expired = expireAllBut(store.file, store.sessions);
  const server = await startEmrest({ dataDir: store.dir, flags: ["--idle-timeout", "4s"] });
  const started = performance.now();
  let sweptMs = NaN;
  let stall = NaN;
  let startStall = NaN;
  let waited = NaN;
  let sweptBeforeWindow = false;
  try {
    // The first requests of a new process compile code and fill caches; that is start-up,
    // not the sweep, which begins a second after start. The window opens between the two.
    await warmUp(server, store.sessions.slice(0, WARM_UP_READS));
    startStall = (await server.diagnostics()).eventLoopDelayMaxMs;
    sweptBeforeWindow = expiredIn(store.file) < expired;
    const waitBefore = runQueueWaitMs(server.pid);
    const done = waitForSweep(store.file).then((finished) => {
      if (finished) sweptMs = performance.now() - started;
    });
    const result = await readInTurn(ctx, server, store.sessions, {
      overallRate: 1000,
      stopWhen: done,
      duration: SWEEP_LIMIT_MS / 1000,
    });
    stall = (await server.diagnostics()).eventLoopDelayMaxMs;
    waited = runQueueWaitMs(server.pid) - waitBefore;
    ctx.results.add(`GET session at 1,000/s during the sweep`, result);
  } finally {
    await server.stop();
  }
  const rate = Math.round(expired / (sweptMs / 1000)).toLocaleString("en-US");
  ctx.results.note(
    Number.isNaN(sweptMs)
      ? `Expiry sweep: not finished within ${SWEEP_LIMIT_MS / 1000} s.`
      : `Expiry sweep: ${expired.toLocaleString("en-US")} expired sessions removed in ` +
          `${(sweptMs / 1000).toFixed(1)} s (${rate} a second) while serving reads; longest ` +
          `event-loop stall ${stall.toFixed(1)} ms, main thread ${waited.toFixed(0)} ms ` +
          `in the run queue. Before it, ${WARM_UP_READS} reads one at a time warmed the new ` +
          `process up; longest stall then ${startStall.toFixed(1)} ms` +
          (sweptBeforeWindow ? "; the sweep had begun during them." : ", before the sweep began."),
  );
  ctx.results.check("longest event-loop stall during the expiry sweep", stall, 20, atMost(ms));
}

/** Reads each session once, one at a time. */
async function warmUp(server: EmrestServer, sessions: SeededSession[]): Promise<void> {
  for (const session of sessions) {
    const response = await fetch(`${server.api}logonSessions/${session.id}`, {
      headers: { "x-restsvcsessionid": session.token },
    });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`warm-up read answered ${response.status}`);
  }
}

function expiredIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return expiredCount(db);
  } finally {
    db.close();
  }
}

/**
 * Resolves true once no expired session is left in the file (checked from another
 * connection), false when the sweep has not finished within the limit.
 */
async function waitForSweep(file: string): Promise<boolean> {
  const db = new Database(file, { readonly: true });
  try {
    const deadline = performance.now() + SWEEP_LIMIT_MS - 5000;
    while (expiredLeft(db)) {
      if (performance.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return true;
  } finally {
    db.close();
  }
}
