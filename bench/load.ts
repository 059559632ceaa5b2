/**
 * One run of the load generator (autocannon, in this process, on the load core) against a
 * server, with what the server spent: CPU seconds from /proc over the run.
 */
import autocannon, { type Options } from "autocannon";
import { cpuSeconds } from "./processes.js";

export interface LoadResult {
  /** Responses per second over the run, whatever their status. */
  rps: number;
  /** Milliseconds, over every response. */
  p50: number;
  p99: number;
  /** Server CPU (user + system, every thread) per response, in microseconds. */
  cpuUsPerRequest: number;
  /** Server CPU seconds per wall second: 1 means the server's core was saturated. */
  cpuBusy: number;
  responses: number;
  statuses: Record<number, number>;
  errors: number;
}

export type LoadOptions = Omit<Options, "url"> & {
  url: string;
  serverPid: number;
  /** Ends the run early when it settles. */
  stopWhen?: Promise<unknown>;
};

/** Runs autocannon as configured and measures latency of every response exactly. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { serverPid, stopWhen, ...cannon } = options;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};

  const cpuBefore = cpuSeconds(serverPid);
  const started = performance.now();
  const instance = autocannon({ timeout: 10, ...cannon });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  void stopWhen?.then(() => instance.stop());
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(serverPid) - cpuBefore;

  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuUsPerRequest: latencies.length ? (cpu * 1e6) / latencies.length : NaN,
    cpuBusy: cpu / seconds,
    responses: latencies.length,
    statuses,
    errors: result.errors,
  };
}

/** The value below which `p` percent of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

/** The median of several runs' figures. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
