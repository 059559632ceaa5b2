import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Results } from "./results.js";
import type { Settings } from "./settings.js";

/** What every section of the benchmark gets: its settings, the results, scratch folders. */
export class BenchContext {
  readonly root = mkdtempSync(join(tmpdir(), "emrest-bench-"));

  constructor(
    readonly settings: Settings,
    readonly results: Results,
  ) {}

  /** A fresh folder under the benchmark's scratch folder. */
  dir(name: string): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** A label unique to this run, for PostgreSQL schemas and Redis key prefixes. */
  get runLabel(): string {
    return `bench_${process.pid}`;
  }

  log(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
  }

  removeScratch(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
