import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** What the soak keeps of a server's log: counts and a few lines, never the whole stream. */
export interface ServerWatch {
  child: ChildProcess;
  url: string;
  exited: Promise<number | string | null>;
  auditEvents: Record<string, number>;
  /** Lines at error level or above (a 501 request line excepted), at most 20. */
  errorLines: string[];
  heapMb: number[];
  maxLoopDelayMs: number;
}

/**
 * Reads a spawned `emrest serve`'s output line by line: waits for its URL, then counts audit
 * events and keeps error lines and the `diagnostics` reports (EMREST_DIAGNOSTICS=1).
 */
export async function watchServer(child: ChildProcess): Promise<ServerWatch> {
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("close", (code, signal) => resolve(code ?? signal)),
  );
  const watch: ServerWatch = {
    child,
    url: "",
    exited,
    auditEvents: {},
    errorLines: [],
    heapMb: [],
    maxLoopDelayMs: 0,
  };
  child.stdin?.end();

  createInterface({ input: child.stderr! }).on("line", (line) => read(watch, line));
  watch.url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (/^http:\/\/\S+\/api\/$/.test(line)) resolve(line);
    });
    exited.then((code) => reject(new Error(`emrest serve exited with ${code}`)));
  });
  return watch;
}

function read(watch: ServerWatch, line: string): void {
  let entry: Record<string, any>;
  try {
    entry = JSON.parse(line);
  } catch {
    watch.errorLines.push(line.slice(0, 300));
    return;
  }

  if (entry.audit === true) {
    watch.auditEvents[entry.event] = (watch.auditEvents[entry.event] ?? 0) + 1;
  }
  if (entry.diagnostics !== undefined) {
    watch.heapMb.push(entry.diagnostics.heapUsedBytes / 2 ** 20);
    watch.maxLoopDelayMs = Math.max(watch.maxLoopDelayMs, entry.diagnostics.eventLoopDelayMaxMs);
  }
  if (entry.level >= 50 && entry.status !== 501 && watch.errorLines.length < 20) {
    watch.errorLines.push(line.slice(0, 300));
  }
}
