import { monitorEventLoopDelay } from "node:perf_hooks";
import type { Logger } from "pino";

/**
 * Opt-in measurements for the benchmark (`EMREST_DIAGNOSTICS=1`): on each SIGUSR2 the
 * server logs one `diagnostics` line with the longest event-loop stall since the previous
 * signal and its memory, then starts a new window. Returns a function that stops it.
 */
export function startDiagnostics(logger: Logger): () => void {
  // Sampling every 5 ms: a stall of 20 ms or more cannot slip between two samples.
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();

  const report = () => {
    const memory = process.memoryUsage();
    const diagnostics = {
      eventLoopDelayMaxMs: delay.max / 1e6,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
    };
    logger.info({ diagnostics }, "diagnostics");
    delay.reset();
  };

  process.on("SIGUSR2", report);
  return () => {
    process.off("SIGUSR2", report);
    delay.disable();
  };
}
