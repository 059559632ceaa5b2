import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cleanEnv, REPO } from "../cli/run-emrest.js";

/** Runs `npm run bench`'s script as a smoke run: every section once, briefly, no judgement. */
function runBench(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts"], {
    cwd: REPO,
    env: cleanEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

describe("the benchmark", { skip: process.platform !== "linux" && "needs Linux's /proc" }, () => {
  it("runs every scenario once and writes the tables without judging them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "emrest-bench-smoke-"));
    try {
      const resultsFile = join(dir, "results.md");
      const { code, output } = await runBench({
        BENCH_QUICK: "1",
        BENCH_SECONDS: "0.5",
        BENCH_SESSIONS: "3000",
        BENCH_MEMORY_SECONDS: "2",
        BENCH_RESULTS: resultsFile,
      });
      assert.equal(code, 0, output);

      const markdown = await readFile(resultsFile, "utf8");
      for (const heading of ["## Load runs", "## Targets", "## Machine and versions"]) {
        assert.ok(markdown.includes(heading), `no ${heading} in\n${markdown}`);
      }
      for (const scenario of ["GET /api/, XML", "GET session, JSON, SQLite", "POST logon → 201"]) {
        assert.match(markdown, new RegExp(`^\\| ${scenario}`, "m"));
      }
      const targets = markdown.split("## Targets")[1]!.split("\n## ")[0]!;
      const rows = targets
        .split("\n")
        .filter((line) => line.startsWith("| ") && !line.includes("---"));
      assert.ok(rows.length >= 20, targets);
      assert.ok(
        rows.slice(1).every((row) => row.trimEnd().endsWith("| — |")),
        targets,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
