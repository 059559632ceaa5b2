import { SLIDE_GRANULARITY_MS } from "./store.js";

/**
 * The `expiresAt` a live session gets when a request asks to slide it to `slideTo`: capped by
 * `hardExpiresAt` when that is set, never moved back, and left alone when the move would be
 * under `SLIDE_GRANULARITY_MS`, so a busy session does not cost a write on every request.
 */
export function slideExpiry(
  session: { expiresAt: number; hardExpiresAt: number },
  slideTo: number | undefined,
): number {
  if (slideTo === undefined) return session.expiresAt;

  const target = session.hardExpiresAt > 0 ? Math.min(slideTo, session.hardExpiresAt) : slideTo;
  return target - session.expiresAt >= SLIDE_GRANULARITY_MS ? target : session.expiresAt;
}
