import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import type { ThrottleReason } from "./throttle.js";

/** Names, as given at a failed logon, are cut to this many characters in the trail. */
const MAX_NAME = 256;

/** Who did it: the account or tenant as shown in `UserName`, and where from. */
export interface Actor {
  account: string;
  kind: "account" | "tenant";
  /** The source address; null when the caller has none (the CLI, unit tests). */
  address?: string | null;
}

/**
 * The audit trail: one structured line per logon, failure, throttled attempt, logout,
 * expiry sweep and revocation, written through the injected logger with `audit: true`.
 * A session appears only as a salted hash of its store key (`session`), never its token
 * or SessionId; the same session has the same hash in every line, across restarts.
 */
export class AuditLog {
  private readonly logger: Logger | undefined;

  /** `salt` comes from `loadAuditSalt`; without a logger nothing is written. */
  constructor(
    logger: Logger | undefined,
    private readonly salt: Buffer,
  ) {
    // Audit lines are kept at any log level short of silent: they are the record, not noise.
    const level = logger === undefined || logger.level === "silent" ? "silent" : "info";
    this.logger = logger?.child({ audit: true }, { level });
  }

  /** HMAC-SHA-256 of the store key under the salt, 16 hex characters (64 bits). */
  sessionHash(keyHash: Buffer): string {
    return createHmac("sha256", this.salt).update(keyHash).digest("hex").slice(0, 16);
  }

  logon(actor: Actor, keyHash: Buffer): void {
    this.write("logon", actor, { session: this.sessionHash(keyHash) });
  }

  logonFailed(actor: Actor): void {
    this.write("logon-failed", actor);
  }

  logonThrottled(actor: Actor, reason: ThrottleReason): void {
    this.write("logon-throttled", actor, { reason });
  }

  logout(actor: Actor, keyHash: Buffer): void {
    this.write("logout", actor, { session: this.sessionHash(keyHash) });
  }

  revoked(actor: Actor, keyHash: Buffer, by: string): void {
    this.write("revoked", actor, { session: this.sessionHash(keyHash), by });
  }

  /** The sweeper learns only how many sessions it removed, not which. */
  expired(count: number): void {
    this.logger?.info({ event: "expired", count }, "audit");
  }

  private write(event: string, actor: Actor, extra: Record<string, string> = {}): void {
    this.logger?.info(
      {
        event,
        account: actor.account.slice(0, MAX_NAME),
        kind: actor.kind,
        address: actor.address ?? null,
        ...extra,
      },
      "audit",
    );
  }
}
