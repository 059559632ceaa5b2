import type { ChildProcess } from "node:child_process";
import { spawnEmrest } from "./run-emrest.js";

/** A running `emrest serve` child process. */
export interface ServeProcess {
  child: ChildProcess;
  /** The plain-HTTP `…/api/` URL it printed. */
  url: string;
  /** Everything written to stderr so far (JSON log lines). */
  stderr(): string;
  /** Parsed log lines so far. */
  logs(): Record<string, unknown>[];
  /** Resolves with the exit code, or the signal's name when killed. */
  exited: Promise<number | string | null>;
}

/**
 * Starts `emrest serve` on plain HTTP at a free port over `dataDir`, with the
 * administrator password given, and waits for it to print its URL.
 */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  const args = ["serve", "--no-https", "--http-port", "0", ...extraArgs];
  const child = spawnEmrest(args, { EMREST_DATA_DIR: dataDir, EMREST_DOMAIN: "TESTLAB", ...env });
  child.stdin!.end();
  let out = "";
  let err = "";
  child.stderr!.on("data", (chunk) => (err += chunk));
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("close", (code, signal) => resolve(code ?? signal)),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${out}${err}`)), 30_000);
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const match = /^(http:\/\/\S+\/api\/)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    exited.then(() => reject(new Error(`serve exited early: ${err}`)));
  });

  const logs = () =>
    err
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, url, stderr: () => err, logs, exited };
}
