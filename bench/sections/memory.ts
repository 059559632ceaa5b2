/**
 * Resident memory across a long mixed load: reads in both representations, the entry point
 * and bad tokens on some connections; logon, read, logout cycles on others. After a
 * warm-up, the server's RSS is sampled every second and must stay within 10% of its first
 * sample.
 */
import { randomUUID } from "node:crypto";
import type { Request } from "autocannon";
import { tokenFor } from "../../src/sessions/session-id.js";
import type { BenchContext } from "../context.js";
import { ADMIN, logon, startEmrest, type EmrestServer } from "../emrest-process.js";
import { runLoad } from "../load.js";
import { rssBytes } from "../processes.js";
import { atMost, percent } from "../results.js";

export async function memorySection(ctx: BenchContext): Promise<void> {
  const { memorySeconds, memoryWarmupSeconds } = ctx.settings;
  if (memorySeconds <= 0) {
    ctx.results.note("Memory run skipped (BENCH_MEMORY_SECONDS=0).");
    ctx.results.check("RSS growth over the memory run", NaN, 0.1, atMost(percent));
    return;
  }

  const server = await startEmrest({ dataDir: ctx.dir("memory") });
  const samples: { at: number; rss: number }[] = [];
  const sampler = setInterval(
    () => samples.push({ at: performance.now(), rss: rssBytes(server.pid) }),
    1000,
  );
  let heap = { start: NaN, end: NaN };
  try {
    const session = await logon(server.api);
    await hashOnEveryThread(server, Math.min(3, memoryWarmupSeconds));
    const duration = memoryWarmupSeconds + memorySeconds;
    const started = performance.now();
    const window = new Promise((resolve) => setTimeout(resolve, memoryWarmupSeconds * 1000)).then(
      async () => (heap.start = (await server.diagnostics()).heapUsedBytes),
    );
    const [reads, cycles] = await Promise.all([
      runLoad({
        url: server.api,
        connections: 20,
        duration,
        serverPid: server.pid,
        requests: readMix(server.api, session),
      }),
      runLoad({
        url: server.api,
        connections: 4,
        duration,
        serverPid: server.pid,
        requests: logonCycle(server.api),
      }),
    ]);
    await window;
    heap.end = (await server.diagnostics()).heapUsedBytes;
    ctx.results.add("mixed reads (memory run)", { ...reads, cpuUsPerRequest: NaN, cpuBusy: NaN });
    ctx.results.add("logon, read, logout cycles (memory run)", {
      ...cycles,
      cpuUsPerRequest: NaN,
      cpuBusy: NaN,
    });

    const inWindow = samples.filter((s) => s.at >= started + memoryWarmupSeconds * 1000);
    const first = inWindow[0]?.rss ?? NaN;
    const highest = Math.max(...inWindow.map((s) => s.rss));
    const last = inWindow.at(-1)?.rss ?? NaN;
    const mib = (value: number) => `${(value / 2 ** 20).toFixed(1)} MiB`;
    const fifth = Math.max(1, Math.floor(inWindow.length / 5));
    const mean = (part: typeof inWindow) => part.reduce((a, s) => a + s.rss, 0) / part.length;
    const trend = mean(inWindow.slice(-fifth)) / mean(inWindow.slice(0, fifth)) - 1;
    ctx.results.note(
      `Memory run: ${memorySeconds} s after ${memoryWarmupSeconds} s of warm-up; RSS first ` +
        `${mib(first)}, highest ${mib(highest)}, last ${mib(last)}; mean of the last fifth ` +
        `against the first fifth ${trend >= 0 ? "+" : ""}${(100 * trend).toFixed(0)}%; heap ` +
        `used ${mib(heap.start)} then ${mib(heap.end)}.`,
    );
    ctx.results.check(
      `RSS growth over ${memorySeconds} s of mixed load`,
      (highest - first) / first,
      0.1,
      atMost(percent),
    );
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
}

/**
 * Part of the warm-up: logons 8 at a time for a few seconds, so each of libuv's threads has
 * hashed. glibc keeps the 19 MiB an argon2id hash allocates in that thread's own arena,
 * so RSS grows by that much per hashing thread once, and then stays.
 */
async function hashOnEveryThread(server: EmrestServer, seconds: number): Promise<void> {
  const credentials = Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString("base64");
  await runLoad({
    url: `${server.api}sessionMngr/?v=latest`,
    method: "POST",
    headers: { authorization: `Basic ${credentials}` },
    connections: 8,
    duration: seconds,
    serverPid: server.pid,
  });
}

/** Reads of one session in XML and JSON, the entry point, and an unknown token, in turn. */
function readMix(api: string, session: { id: string; token: string }): Request[] {
  const path = new URL(api).pathname;
  const sessionPath = `${path}logonSessions/${session.id}`;
  const token = { "x-restsvcsessionid": session.token };
  return [
    { method: "GET", path: sessionPath, headers: token },
    { method: "GET", path: sessionPath, headers: { ...token, accept: "application/json" } },
    { method: "GET", path },
    { method: "GET", path: sessionPath, headers: { "x-restsvcsessionid": tokenFor(randomUUID()) } },
  ];
}

/** Log on, read the new session, log it out; the token passes through the connection's context. */
function logonCycle(api: string): Request[] {
  const path = new URL(api).pathname;
  const credentials = Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString("base64");
  const authorization = `Basic ${credentials}`;
  const own = (method: string): Request => ({
    method,
    setupRequest: (request, context) => {
      const id = Buffer.from(String(context.token), "base64").toString("latin1");
      const headers = { "x-restsvcsessionid": String(context.token) };
      return { ...request, method, path: `${path}logonSessions/${id}`, headers };
    },
  });
  return [
    {
      method: "POST",
      path: `${path}sessionMngr/?v=latest`,
      headers: { authorization },
      onResponse: (_status, _body, context, headers) => {
        context.token = headers["x-restsvcsessionid"];
      },
    },
    own("GET"),
    own("DELETE"),
  ];
}
