/**
 * Child processes pinned to one core, and what /proc says about them: CPU time and
 * resident memory. Linux only, as the benchmark machine is.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { openSync, closeSync, readFileSync } from "node:fs";

/** The core servers run on; the load generator (this process) runs on the other. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

/** Seconds per clock tick of /proc/PID/stat times (USER_HZ, 100 on Linux). */
const TICK_SECONDS = 1 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

/** Pins this process and every thread it has to the load generator's core. */
export function pinSelf(): void {
  execFileSync("taskset", ["-a", "-cp", String(LOAD_CORE), String(process.pid)], {
    stdio: "ignore",
  });
}

export interface Pinned {
  child: ChildProcess;
  pid: number;
  /** The first line the process printed on stdout (a URL, for servers). */
  firstLine: Promise<string>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Starts `node ARGS…` on the server core; `taskset` execs node, so the pid is node's.
 * stderr goes to `logFile` (a file, so a slow reader can never block the server's log).
 */
export function spawnPinned(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; logFile: string },
): Pinned {
  const log = openSync(options.logFile, "a");
  const pinned = ["taskset", "-c", String(SERVER_CORE), process.execPath, ...args];
  // BENCH_NICE=-10 (as root) shields the servers from the rest of a shared machine; off by
  // default, since it takes the core from whatever else runs there.
  const nice = process.env.BENCH_NICE ? ["nice", "-n", process.env.BENCH_NICE] : [];
  const [command, ...rest] = [...nice, ...pinned];
  const child = spawn(command!, rest, {
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", log],
  });
  closeSync(log);

  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf("\n");
      if (end >= 0) resolve(text.slice(0, end).trim());
    });
    exited.then((code) =>
      reject(new Error(`${args.join(" ")} exited (${code}); see ${options.logFile}`)),
    );
  });
  firstLine.catch(() => undefined);
  return { child, pid: child.pid!, firstLine, exited };
}

/** Stops a process started here with SIGTERM, and with SIGKILL if it lingers. */
export async function stopPinned(pinned: Pinned, graceMs = 8000): Promise<void> {
  if (pinned.child.exitCode !== null || pinned.child.signalCode !== null) return;
  pinned.child.kill("SIGTERM");
  const timer = setTimeout(() => pinned.child.kill("SIGKILL"), graceMs);
  await pinned.exited;
  clearTimeout(timer);
}

/** User plus system CPU seconds the process (all its threads) has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_SECONDS;
}

/** Resident set size in bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return Number(kib ?? 0) * 1024;
}

/**
 * Milliseconds the process's main thread has spent runnable but waiting for a CPU: time
 * other processes on its core took from it. An event-loop stall may be that, not emrest.
 */
export function runQueueWaitMs(pid: number): number {
  const waitingNs = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[1];
  return Number(waitingNs) / 1e6;
}
