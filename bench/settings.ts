/**
 * How long and how big the benchmark runs, from the environment. The defaults are the full
 * run that `npm run bench` makes and `bench/results.md` records; `BENCH_QUICK=1` is the
 * smoke run of `test/bench/smoke.test.ts`: every scenario once, briefly, without judgement.
 */
export interface Settings {
  quick: boolean;
  /** Repetitions of each measured load run. */
  reps: number;
  /** Seconds of each measured load run. */
  seconds: number;
  /** Seconds of unmeasured load before a scenario's first run. */
  warmupSeconds: number;
  /** Sessions in the large store (the target speaks of 1,000,000). */
  sessions: number;
  /** Seconds of the memory run after its warm-up; 0 skips it. */
  memorySeconds: number;
  memoryWarmupSeconds: number;
  /** Sections to run; all when empty. */
  only: string[];
  /** Where the Markdown goes; nowhere when empty. */
  resultsFile: string;
  /** Whether to profile one read run and summarise the profile in the results. */
  profile: boolean;
}

export const SECTIONS = ["http", "logons", "sessions", "stores", "memory", "query"] as const;

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const quick = env.BENCH_QUICK === "1";
  const number = (name: string, full: number, smoke: number) => {
    const value = env[name];
    if (value === undefined || value === "") return quick ? smoke : full;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number`);
    return parsed;
  };

  const only = (env.BENCH_ONLY ?? "").split(",").filter(Boolean);
  for (const name of only) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      throw new Error(`BENCH_ONLY: unknown section ${name}; use ${SECTIONS.join(", ")}`);
    }
  }

  return {
    quick,
    reps: Math.max(1, Math.round(number("BENCH_REPS", 3, 1))),
    seconds: number("BENCH_SECONDS", 5, 1),
    warmupSeconds: number("BENCH_WARMUP_SECONDS", 2, 0),
    sessions: Math.round(number("BENCH_SESSIONS", 1_000_000, 5_000)),
    memorySeconds: number("BENCH_MEMORY_SECONDS", 300, 3),
    memoryWarmupSeconds: number("BENCH_MEMORY_WARMUP_SECONDS", 30, 1),
    only,
    resultsFile: env.BENCH_RESULTS ?? (quick ? "" : "bench/results.md"),
    profile: env.BENCH_PROFILE !== undefined ? env.BENCH_PROFILE === "1" : !quick,
  };
}

export function runs(settings: Settings, section: (typeof SECTIONS)[number]): boolean {
  return settings.only.length === 0 || settings.only.includes(section);
}
