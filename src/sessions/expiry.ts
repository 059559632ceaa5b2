import type { Logger } from "pino";
import type { Store } from "../store/store.js";

const BATCH = 500;

/**
 * Removes expired sessions from the store in small batches, yielding to the event loop
 * between them so a large sweep never stalls requests. Returns a function that stops it.
 */
export function startExpirySweeper(store: Store, intervalMs: number, logger: Logger): () => void {
  let running = false;

  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      let removed = 0;
      let batch: number;
      do {
        batch = await store.deleteExpiredSessions(Date.now(), BATCH);
        removed += batch;
        await new Promise((resolve) => setImmediate(resolve));
      } while (batch === BATCH);
      if (removed > 0) logger.info({ removed }, "expired sessions removed");
    } catch (error) {
      logger.warn({ err: error }, "expired-session sweep failed; will retry");
    } finally {
      running = false;
    }
  };

  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
