/**
 * `npm run bench`: emrest against its baselines, measured in one run on this machine, with
 * the targets of issue 5 judged. Servers run pinned to one core, the load generator (this
 * process) to the other. Prints the tables and writes them to `bench/results.md`.
 * Environment: see `bench/settings.ts` and the README's "Benchmarks" section.
 */
import { writeFileSync } from "node:fs";
import { BenchContext } from "./context.js";
import { describeEnvironment } from "./environment.js";
import { pinSelf } from "./processes.js";
import { markdownReport, printResults } from "./report.js";
import { Results } from "./results.js";
import { httpSection } from "./sections/http.js";
import { logonSection } from "./sections/logons.js";
import { memorySection } from "./sections/memory.js";
import { querySection } from "./sections/query.js";
import { sessionsSection } from "./sections/sessions.js";
import { storesSection } from "./sections/stores.js";
import { readSettings, runs, type SECTIONS } from "./settings.js";

const SECTION_RUNNERS: Record<(typeof SECTIONS)[number], (ctx: BenchContext) => Promise<void>> = {
  http: httpSection,
  logons: logonSection,
  sessions: sessionsSection,
  stores: storesSection,
  memory: memorySection,
  query: querySection,
};

async function runBench(env: NodeJS.ProcessEnv): Promise<Results> {
  const settings = readSettings(env);
  const results = new Results(!settings.quick);
  const ctx = new BenchContext(settings, results);
  const started = performance.now();
  pinSelf();

  describeEnvironment(results, "at start");
  try {
    for (const [name, section] of Object.entries(SECTION_RUNNERS)) {
      if (!runs(settings, name as keyof typeof SECTION_RUNNERS)) continue;
      ctx.log(`${name}…`);
      await section(ctx);
    }
  } finally {
    ctx.removeScratch();
  }
  describeEnvironment(results, "at end");

  const elapsedS = (performance.now() - started) / 1000;
  printResults(results);
  if (settings.resultsFile) {
    writeFileSync(settings.resultsFile, markdownReport(results, settings, elapsedS));
    ctx.log(`wrote ${settings.resultsFile} after ${Math.round(elapsedS)} s`);
  }
  return results;
}

const results = await runBench(process.env);
// A failed target fails the command, as a failed test would.
process.exitCode = results.checks.some((check) => check.pass === false) ? 1 : 0;
