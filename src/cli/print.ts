import type { CliIo } from "./io.js";

/** Prints rows as aligned columns, one line per row; nothing at all for no rows. */
export function printTable(io: CliIo, rows: string[][]): void {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  for (const row of rows) {
    const cells = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)));
    io.stdout.write(`${cells.join("  ")}\n`);
  }
}

/** Prints a value as JSON on stdout, for scripts (`--json`). */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Epoch milliseconds as ISO 8601 UTC, to the second. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
