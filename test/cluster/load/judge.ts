import { isErrorBody, namesSession, type Outcome, type Session } from "../em-calls.js";

export type Operation = "logon" | "read" | "logout";

const SUCCESS: Record<Operation, number> = { logon: 201, read: 200, logout: 204 };

/** What excuses a failure: the store or the node asked was down during the request. */
export interface Excuses {
  storeDown: boolean;
  nodeDown: boolean;
}

/**
 * Whether one outcome is allowed, and if not, why: success always; 503 with an Error body
 * only while the store was down; no connection only while that node was down. Never a
 * hang, a 401 for a session the client holds, or any other status.
 */
export function judge(
  operation: Operation,
  outcome: Outcome,
  session: Session | undefined,
  excuses: Excuses,
): string | undefined {
  if (outcome.kind === "timeout") return `no reply in ${outcome.ms} ms`;
  if (outcome.kind === "no-connection") {
    return excuses.nodeDown ? undefined : `no connection (${outcome.code}) to a running node`;
  }

  if (outcome.status === SUCCESS[operation]) {
    if (operation === "read" && !namesSession(outcome, session!))
      return "a 200 naming another session";
    return undefined;
  }
  if (outcome.status === 503) {
    if (!isErrorBody(outcome, 503)) return "a 503 without an Error body";
    return excuses.storeDown ? undefined : "a 503 while the store was up";
  }
  if (outcome.status === 401 && operation !== "logon") return "a 401 for a live session";
  return `an unexpected ${outcome.status}: ${outcome.body.slice(0, 200)}`;
}
