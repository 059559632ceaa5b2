import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/** The lowest scheduling priority on Linux. */
const LOWEST = 19;

/**
 * Puts every thread of this process but the main one at the lowest CPU priority (Linux
 * only; elsewhere it does nothing). Password hashes run on libuv's thread pool: on a busy
 * core, four hashing threads would otherwise get four times the CPU of the event loop, and
 * every request would wait behind logons. This way requests come first and hashing gets the
 * CPU they leave. Call it once the server is up, when the thread pool exists.
 */
export function lowerHelperThreadPriority(): void {
  if (process.platform !== "linux") return;
  let threads: string[];
  try {
    threads = readdirSync("/proc/self/task");
  } catch {
    return;
  }
  // On Linux, setpriority on a thread id changes that thread alone.
  for (const thread of threads.map(Number)) {
    if (thread === process.pid) continue;
    try {
      setPriority(thread, LOWEST);
    } catch {
      // The thread ended in between.
    }
  }
}
