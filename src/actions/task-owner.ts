import { createHash } from "node:crypto";

/**
 * Who owns a task: the logon session that asked for it. EM scopes `/api/tasks` to the current
 * logon session (spec §9). Tasks sit in the inventory, which every node reads, so they carry
 * a hash of the session's key hash rather than the key hash itself: nothing in a task leads
 * back to a session row, and nothing in either lets anyone act as the user.
 */
export function taskOwnerOf(keyHash: Buffer): string {
  return createHash("sha256")
    .update("emrest task owner\0")
    .update(keyHash)
    .digest("hex")
    .slice(0, 32);
}
