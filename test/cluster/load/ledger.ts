import type { Outcome, Session } from "../em-calls.js";
import type { Operation } from "./judge.js";
import type { Phase } from "./timeline.js";

/** At most this many failure messages are kept; all are counted. */
const KEPT_FAILURES = 30;

/** Everything the load saw: counts by phase, the slowest reply, failures, and the sessions. */
export class Ledger {
  readonly counts = new Map<Phase, Map<string, number>>();
  readonly slowest = new Map<Phase, number>();
  readonly failures: string[] = [];
  failureCount = 0;
  requests = 0;

  /** Acknowledged (201) and not yet sent a DELETE. */
  readonly live = new Set<Session>();
  /** Logged out with a 204. */
  readonly deleted: Session[] = [];
  /** Sent a DELETE with no clear answer (503, cut): gone or not, but alike on every node. */
  readonly unsure: Session[] = [];

  record(phase: Phase, operation: Operation, outcome: Outcome, failure: string | undefined) {
    this.requests++;
    const key =
      outcome.kind === "reply" ? `${operation} ${outcome.status}` : outcome.kind.replace("-", " ");
    const phaseCounts = this.counts.get(phase) ?? new Map<string, number>();
    phaseCounts.set(key, (phaseCounts.get(key) ?? 0) + 1);
    this.counts.set(phase, phaseCounts);
    this.slowest.set(phase, Math.max(this.slowest.get(phase) ?? 0, outcome.ms));
    if (failure !== undefined) this.fail(failure);
  }

  fail(message: string): void {
    this.failureCount++;
    if (this.failures.length < KEPT_FAILURES) this.failures.push(message);
  }
}
