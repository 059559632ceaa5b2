import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { packageVersion, REPO } from "./emrest-process.js";
import type { Results } from "./results.js";

/** Machine, load and versions, for the results file. Called at the start and at the end. */
export function describeEnvironment(results: Results, when: "at start" | "at end"): void {
  const env = results.environment;
  if (when === "at start") {
    env.set("date", new Date().toISOString());
    env.set("CPU", `${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores`);
    env.set("memory", `${gib(totalmem())} GiB (${gib(freemem())} GiB free at start)`);
    env.set("kernel", run("uname", ["-sr"]));
    env.set("Node.js", process.version);
    env.set("emrest", `${emrestVersion()} at ${gitDescription()}`);
    for (const name of ["fastify", "better-sqlite3", "@node-rs/argon2", "pino", "pg", "redis"]) {
      env.set(name, packageVersion(name));
    }
    env.set("autocannon (load generator)", packageVersion("autocannon"));
  }
  env.set(
    `load average ${when}`,
    loadavg()
      .map((v) => v.toFixed(2))
      .join(", "),
  );
}

function emrestVersion(): string {
  const file = join(REPO, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

function gitDescription(): string {
  const commit = run("git", ["-C", REPO, "rev-parse", "--short", "HEAD"]);
  const dirty = run("git", ["-C", REPO, "status", "--porcelain", "--untracked-files=no", "src"]);
  return dirty ? `${commit} with uncommitted changes in src/` : commit;
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

function gib(value: number): string {
  return (value / 2 ** 30).toFixed(1);
}
