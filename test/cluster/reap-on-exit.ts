import type { ChildProcess } from "node:child_process";

const children = new Set<ChildProcess>();
const cleanups = new Set<() => void>();

process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  for (const cleanup of cleanups) cleanup();
});

/**
 * Kills `child` if the test process ends while it still runs (a test that timed out, an
 * uncaught error), so no server of a test outlives it. Returns a function that forgets it.
 */
export function reapOnExit(child: ChildProcess): () => void {
  children.add(child);
  return () => children.delete(child);
}

/** Runs `cleanup` (synchronous) if the test process ends before the function returned is called. */
export function cleanUpOnExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}
