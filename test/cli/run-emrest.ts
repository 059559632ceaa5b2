import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to stdin, which is then closed; stdin is closed empty when not given. */
  input?: string | Buffer;
  env?: Record<string, string>;
}

/** The environment of a CLI run: the test runner's, minus any EMREST_* setting. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("EMREST_")) env[name] = value;
  }
  return { ...env, ...extra };
}

/** Starts the real CLI as a child process, as a script would. */
export function spawnEmrest(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: REPO,
    env: cleanEnv(env),
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Runs the CLI to its end and collects what it printed. */
export function runEmrest(args: string[], options: RunOptions = {}): Promise<CliResult> {
  const child = spawnEmrest(args, options.env);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  child.stdin!.end(options.input ?? "");

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh data directory with a SQLite store, and a runner bound to it. */
export async function tempDataDir(): Promise<{
  dir: string;
  emrest: (args: string[], input?: string | Buffer) => Promise<CliResult>;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "emrest-cli-"));
  const env = { EMREST_DATA_DIR: dir, EMREST_DOMAIN: "TESTLAB" };
  return {
    dir,
    emrest: (args, input) => runEmrest(args, { input, env }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Asserts the shape every CLI error has: exactly one line on stderr, prefixed `emrest:`. */
export function errorLineOf(result: CliResult): string {
  const lines = result.stderr.split("\n").filter((line) => line !== "");
  if (lines.length !== 1 || !lines[0]!.startsWith("emrest: ")) {
    throw new Error(`expected one "emrest:" line on stderr, got ${JSON.stringify(result.stderr)}`);
  }
  return lines[0]!;
}
