import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import type { AuditLog } from "./audit.js";

const BATCH = 500;

/**
 * Removes expired sessions from the store in small batches, yielding to the event loop
 * between them so a large sweep never stalls requests, and writes each sweep's count to the
 * audit trail. Returns a function that stops it and resolves once a sweep under way has
 * finished, so the store can then be closed.
 */
export function startExpirySweeper(
  store: Store,
  intervalMs: number,
  logger: Logger,
  audit?: AuditLog,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | undefined;

  const sweep = async () => {
    try {
      let removed = 0;
      let batch: number;
      do {
        batch = await store.deleteExpiredSessions(Date.now(), BATCH);
        removed += batch;
        await new Promise((resolve) => setImmediate(resolve));
      } while (batch === BATCH && !stopped);
      if (removed > 0 && audit !== undefined) audit.expired(removed);
      else if (removed > 0) logger.info({ removed }, "expired sessions removed");
    } catch (error) {
      logger.warn({ err: error }, "expired-session sweep failed; will retry");
    }
  };

  const timer = setInterval(() => {
    running ??= sweep().finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();

  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
