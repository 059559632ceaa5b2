/**
 * The real `emrest serve`, started through its CLI as a user would, pinned to the server
 * core, with `EMREST_DIAGNOSTICS=1` so the benchmark can ask it for event-loop stalls.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnPinned, stopPinned, type Pinned } from "./processes.js";

export const REPO = fileURLToPath(new URL("../", import.meta.url));
export const ADMIN = { user: "BENCH\\Administrator", password: "bench-Passw0rd" };

export interface EmrestOptions {
  dataDir: string;
  /** A store URL; the SQLite file in the data dir when not given. */
  store?: string;
  /** Extra `serve` flags, e.g. `--idle-timeout 4s`. */
  flags?: string[];
  /** Node's own flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

export interface Diagnostics {
  eventLoopDelayMaxMs: number;
  eventLoopDelayP99Ms: number;
  rssBytes: number;
  heapUsedBytes: number;
}

export interface EmrestServer {
  /** `http://127.0.0.1:PORT/api/` */
  api: string;
  pid: number;
  /** Milliseconds from spawning the CLI to its URL on stdout. */
  startupMs: number;
  /** Asks the server (SIGUSR2) for its stalls and memory since the previous call. */
  diagnostics(): Promise<Diagnostics>;
  stop(): Promise<void>;
}

/** The environment of the server: ours without any EMREST_* setting, plus diagnostics. */
function serverEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith("EMREST_")) env[name] = value;
  }
  return { ...env, EMREST_DIAGNOSTICS: "1" };
}

export async function startEmrest(options: EmrestOptions): Promise<EmrestServer> {
  const logFile = join(options.dataDir, "server.log");
  const args = [...(options.nodeArgs ?? []), join(REPO, "bin/emrest.js"), "serve"];
  args.push("--data-dir", options.dataDir);
  args.push("--http-port", "0", "--https-port", "off", "--domain", "BENCH");
  args.push("--admin-password", ADMIN.password, ...(options.flags ?? []));
  if (options.store) args.push("--store", options.store);

  const started = performance.now();
  const pinned = spawnPinned(args, { env: serverEnv(), logFile });
  const api = await pinned.firstLine;
  const startupMs = performance.now() - started;
  if (!api.startsWith("http://")) throw new Error(`emrest printed "${api}" instead of its URL`);

  return {
    api,
    pid: pinned.pid,
    startupMs,
    diagnostics: () => askDiagnostics(pinned, logFile),
    stop: () => stopPinned(pinned),
  };
}

/**
 * Sends SIGUSR2 and waits for the `diagnostics` line it makes the server log. Only what
 * the log gained since is read: under load it grows by hundreds of megabytes.
 */
async function askDiagnostics(pinned: Pinned, logFile: string): Promise<Diagnostics> {
  const before = statSync(logFile).size;
  pinned.child.kill("SIGUSR2");
  for (let i = 0; i < 200; i++) {
    const line = tailOf(logFile, before)
      .split("\n")
      .find((l) => l.includes('"diagnostics"'));
    if (line) return JSON.parse(line).diagnostics as Diagnostics;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`emrest logged no diagnostics line; see ${logFile}`);
}

/** The text of a file from byte `offset` on, at most 64 MiB of it. */
function tailOf(file: string, offset: number): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(Math.min(64 * 2 ** 20, Math.max(0, statSync(file).size - offset)));
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** Logs on over HTTP; returns the session's id and token. */
export async function logon(
  api: string,
  user = ADMIN.user,
  password = ADMIN.password,
): Promise<{ id: string; token: string }> {
  const response = await fetch(`${api}sessionMngr/?v=latest`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` },
  });
  const token = response.headers.get("x-restsvcsessionid");
  await response.arrayBuffer();
  if (response.status !== 201 || !token) throw new Error(`logon answered ${response.status}`);
  return { id: Buffer.from(token, "base64").toString("latin1"), token };
}

/** The exact reply emrest gives, for the baseline server to answer with. */
export async function replyOf(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, contentType: response.headers.get("content-type")!, body };
}

export function packageVersion(name: string): string {
  const file = join(REPO, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
