import type { PrincipalKind } from "../store.js";

/**
 * Every key the Redis store uses, after the prefix:
 *
 * - `layout`: the version of this key layout.
 * - `account:ID`, `tenant:ID`: a hash per principal; `accounts`, `tenants`: sorted sets of
 *   ids by creation time; `account-names`, `tenant-names`: hashes from the case-folded name
 *   to the id, which keep names unique.
 * - `session:HEX`: a hash per session, HEX being its keyHash; the key's own expiry time
 *   (PEXPIREAT) is the session's `expiresAt`, so Redis deletes it when it ends.
 * - `sessions`, `sessions:KIND:ID`: sorted sets of session HEX by `expiresAt`, over all
 *   sessions and per principal, for listing and sweeping.
 * - `inventory`: a hash with the inventory's `generation`, last `revision` handed out and
 *   `slot`, the random id under which the current generation's records live:
 *   `inventory:SLOT:log`, a sorted set of `kind:id` by revision, and `inventory:SLOT:bodies`,
 *   a hash from `kind:id` to the record's JSON. A replace fills a new slot, then switches;
 *   a slot being filled expires unless its writer renews it (see `abandoned-slots.ts`).
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  get layout(): string {
    return `${this.prefix}layout`;
  }

  principal(kind: PrincipalKind, id: string): string {
    return `${this.prefix}${kind}:${id}`;
  }

  principals(kind: PrincipalKind): string {
    return `${this.prefix}${kind}s`;
  }

  names(kind: PrincipalKind): string {
    return `${this.prefix}${kind}-names`;
  }

  /** What `session(hex)` starts with. */
  get sessionPrefix(): string {
    return `${this.prefix}session:`;
  }

  session(hex: string): string {
    return `${this.sessionPrefix}${hex}`;
  }

  get sessions(): string {
    return `${this.prefix}sessions`;
  }

  /** What `sessionsOf(kind, id)` starts with. */
  get sessionsOfPrefix(): string {
    return `${this.prefix}sessions:`;
  }

  sessionsOf(kind: PrincipalKind, id: string): string {
    return `${this.sessionsOfPrefix}${kind}:${id}`;
  }

  get inventory(): string {
    return `${this.prefix}inventory`;
  }

  /** What the keys of a slot start with: `inventory:` (the slot and `:log` or `:bodies` follow). */
  get inventorySlotPrefix(): string {
    return `${this.prefix}inventory:`;
  }

  inventoryLog(slot: string): string {
    return `${this.inventorySlotPrefix}${slot}:log`;
  }

  inventoryBodies(slot: string): string {
    return `${this.inventorySlotPrefix}${slot}:bodies`;
  }
}
