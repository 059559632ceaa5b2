import type { Ledger } from "./ledger.js";
import { PHASES } from "./timeline.js";

const FIRST_COLUMNS = [
  "logon 201",
  "logon 503",
  "read 200",
  "read 503",
  "logout 204",
  "logout 503",
];

/**
 * A table of replies per phase and status (each request counted in the phase it started in),
 * the slowest reply of each phase, and the totals.
 */
export function summarize(title: string, ledger: Ledger, seconds: number): string {
  const seen = new Set([...ledger.counts.values()].flatMap((counts) => [...counts.keys()]));
  const others = [...seen].filter((key) => !FIRST_COLUMNS.includes(key)).sort();
  const columns = [...FIRST_COLUMNS.filter((key) => seen.has(key)), ...others, "slowest ms"];

  const rows = PHASES.filter((phase) => ledger.counts.has(phase)).map((phase) => {
    const counts = ledger.counts.get(phase)!;
    return [
      phase,
      ...columns.slice(0, -1).map((key) => String(counts.get(key) ?? 0)),
      String(ledger.slowest.get(phase) ?? 0),
    ];
  });
  const table = [["phase at start", ...columns], ...rows];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  "),
  );

  const sessions =
    `${ledger.live.size} sessions live at the end, ${ledger.deleted.length} logged out, ` +
    `${ledger.unsure.length} with a logout cut short`;
  return [
    `${title}: ${ledger.requests} requests in ${seconds.toFixed(1)} s; ${sessions}`,
    ...lines,
  ].join("\n");
}
