/**
 * The results as text: one table of load runs with each figure's ratio to its baseline,
 * one table of targets with PASS or FAIL, then notes, the profile summary, machine and
 * versions. The same tables print on the console and go to `bench/results.md`.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Settings } from "./settings.js";
import type { Figures, Results } from "./results.js";

/** What the numbers mean and what the profiles show, kept by hand beside the bench. */
const FINDINGS = new URL("findings.md", import.meta.url);

const FIGURES: [keyof Figures, string, (v: number) => string][] = [
  ["rps", "req/s", (v) => Math.round(v).toLocaleString("en-US")],
  ["p50", "p50 ms", (v) => v.toFixed(2)],
  ["p99", "p99 ms", (v) => v.toFixed(2)],
  ["cpuUs", "CPU µs/req", (v) => v.toFixed(1)],
];

/** The table of load runs: medians over the repetitions, ratios to the baseline's medians. */
export function measurementTable(results: Results): string[][] {
  const header = ["Scenario", "vs", ...FIGURES.map(([, title]) => title), "busy", "runs"];
  const rows = results.measurements.map((m) => {
    const cells = FIGURES.map(([figure, , format]) => {
      const value = results.median(m.name, figure);
      if (!m.baseline) return format(value);
      return `${format(value)} (${(value / results.median(m.baseline, figure)).toFixed(2)}×)`;
    });
    const rps = m.runs.map((run) => run.rps);
    const spread = `${m.runs.length}: ${spreadOf(rps)}`;
    return [m.name, m.baseline ?? "", ...cells, results.median(m.name, "busy").toFixed(2), spread];
  });
  return [header, ...rows];
}

export function checkTable(results: Results): string[][] {
  const verdict = (pass: boolean | undefined) =>
    pass === undefined ? "—" : pass ? "PASS" : "FAIL";
  return [
    ["Target", "Measured", "Limit", "Result"],
    ...results.checks.map((c) => [c.target, c.measured, c.limit, verdict(c.pass)]),
  ];
}

/** Relative spread of the req/s of the runs: (max − min) / median. */
function spreadOf(values: number[]): string {
  if (values.length < 2) return "—";
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return `±${((100 * (sorted.at(-1)! - sorted[0]!)) / middle / 2).toFixed(0)}%`;
}

export function consoleTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  return [
    line(rows[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ].join("\n");
}

export function markdownTable(rows: string[][]): string {
  const line = (row: string[]) => `| ${row.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(rows[0]!), line(rows[0]!.map(() => "---")), ...rows.slice(1).map(line)].join("\n");
}

export function printResults(results: Results): void {
  console.log(`\n${consoleTable(measurementTable(results))}\n`);
  console.log(`${consoleTable(checkTable(results))}\n`);
  for (const note of results.notes) console.log(`- ${note}`);
}

export function markdownReport(results: Results, settings: Settings, elapsedS: number): string {
  const failed = results.checks.filter((c) => c.pass === false).length;
  const judged = results.checks.filter((c) => c.pass !== undefined).length;
  const parts = [
    "# emrest benchmark results",
    "",
    `Written by \`npm run bench\` (${settings.reps} runs of ${settings.seconds} s per scenario, ` +
      `${settings.sessions.toLocaleString("en-US")} sessions in the large store, ` +
      `${settings.memorySeconds} s memory run) in ${Math.round(elapsedS)} s. ` +
      `${judged - failed} of ${judged} targets passed. How it measures: README, "Benchmarks".`,
    "",
    "## Load runs",
    "",
    "Medians over the runs; in parentheses each figure's ratio to the scenario named under " +
      '"vs". "busy" is the server\'s CPU seconds per second (1.00: its core saturated); ' +
      '"runs" gives the spread of req/s, half of max − min over the median.',
    "",
    markdownTable(measurementTable(results)),
    "",
    "## Targets",
    "",
    markdownTable(checkTable(results)),
    "",
  ];
  if (results.notes.length) parts.push("## Notes", "", ...results.notes.map((n) => `- ${n}`), "");
  if (existsSync(FINDINGS)) parts.push(readFileSync(FINDINGS, "utf8").trim(), "");
  for (const profile of results.profiles) {
    parts.push(`## ${profile.title}`, "", "```", ...profile.lines, "```", "");
  }
  parts.push("## Machine and versions", "");
  for (const [name, value] of results.environment) parts.push(`- ${name}: ${value}`);
  return `${parts.join("\n")}\n`;
}
