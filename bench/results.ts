/**
 * What the benchmark found: measured load runs (each against its baseline), checks against
 * the targets of issue 5, and notes. The sections add to one `Results`; `report.ts` prints it.
 */
import { median, type LoadResult } from "./load.js";

/** The figures of one load run. */
export interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU microseconds per response. */
  cpuUs: number;
  /** Server CPU seconds per second: near 1, its core was saturated. */
  busy: number;
}

export interface Measurement {
  name: string;
  /** The name of the measurement this one is compared with. */
  baseline?: string;
  runs: Figures[];
}

export interface Check {
  target: string;
  measured: string;
  limit: string;
  /** undefined: measured but not judged (smoke run) or not measured at all. */
  pass: boolean | undefined;
}

export class Results {
  readonly measurements: Measurement[] = [];
  readonly checks: Check[] = [];
  readonly notes: string[] = [];
  readonly profiles: { title: string; lines: string[] }[] = [];
  /** Machine and versions, in the order added. */
  readonly environment = new Map<string, string>();

  constructor(readonly judge: boolean) {}

  /** Records a run of `name` (created on first use), compared with `baseline`. */
  add(name: string, result: LoadResult | Figures, baseline?: string): void {
    let measurement = this.measurements.find((m) => m.name === name);
    if (!measurement) this.measurements.push((measurement = { name, baseline, runs: [] }));
    measurement.runs.push(figuresOf(result));
  }

  /** The median of one figure over a measurement's runs. */
  median(name: string, figure: keyof Figures): number {
    const measurement = this.measurements.find((m) => m.name === name);
    return measurement ? median(measurement.runs.map((run) => run[figure])) : NaN;
  }

  /** Records a target: `value` against `limit`, passing when `ok(value, limit)`. */
  check(target: string, value: number, limit: number, options: CheckOptions): void {
    const pass = this.judge && Number.isFinite(value) ? options.ok(value, limit) : undefined;
    const measured = Number.isFinite(value) ? options.format(value) : "not measured";
    this.checks.push({ target, measured, limit: options.format(limit), pass });
  }

  note(text: string): void {
    this.notes.push(text);
  }
}

export interface CheckOptions {
  ok: (value: number, limit: number) => boolean;
  format: (value: number) => string;
}

export const atLeast = (format: (v: number) => string): CheckOptions => ({
  ok: (value, limit) => value >= limit,
  format,
});

export const atMost = (format: (v: number) => string): CheckOptions => ({
  ok: (value, limit) => value <= limit,
  format,
});

export const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
export const times = (value: number) => `${value.toFixed(2)}×`;
export const bytes = (value: number) => `${Math.round(value)} B`;

function figuresOf(result: LoadResult | Figures): Figures {
  if ("cpuUs" in result) return result;
  const { rps, p50, p99, cpuUsPerRequest: cpuUs, cpuBusy: busy } = result;
  return { rps, p50, p99, cpuUs, busy };
}
