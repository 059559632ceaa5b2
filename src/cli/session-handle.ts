import type { SessionRecord } from "../store/store.js";
import { CommandFailed, UsageError } from "./errors.js";

/**
 * A session's handle is the first 12 hex characters of its key hash: enough to tell sessions
 * apart, and useless for logging on (the key hash is itself a hash of the token).
 */
export const HANDLE_LENGTH = 12;
export const MIN_HANDLE_PREFIX = 8;

export function sessionHandle(session: SessionRecord): string {
  return session.keyHash.toString("hex").slice(0, HANDLE_LENGTH);
}

/** Finds the one session each handle prefix names; fails before anything is revoked. */
export function resolveHandles(sessions: SessionRecord[], handles: string[]): SessionRecord[] {
  const chosen = new Set<SessionRecord>();
  for (const raw of handles) {
    const prefix = checkHandle(raw);
    const matches = sessions.filter((s) => s.keyHash.toString("hex").startsWith(prefix));
    if (matches.length === 0) throw new CommandFailed(`there is no live session ${raw}`);
    if (matches.length > 1) {
      throw new CommandFailed(`handle ${raw} matches ${matches.length} sessions; give more of it`);
    }
    chosen.add(matches[0]!);
  }
  return [...chosen];
}

/** A handle prefix in lower case, or a UsageError when it cannot be one. */
export function checkHandle(raw: string): string {
  const prefix = raw.toLowerCase();
  if (!/^[0-9a-f]+$/.test(prefix) || prefix.length < MIN_HANDLE_PREFIX || prefix.length > 64) {
    throw new UsageError(
      `"${raw}" is not a session handle; give at least ${MIN_HANDLE_PREFIX} hex characters`,
    );
  }
  return prefix;
}
