import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import {
  describeOutcome,
  logon,
  namesSession,
  readCurrent,
  statusOf,
  type Outcome,
  type Session,
} from "./em-calls.js";
import type { EmrestNode } from "./emrest-node.js";

/** A session logged on through `node`; fails the test on anything but a 201. */
export async function logonOk(node: EmrestNode): Promise<Session> {
  const { outcome, session } = await logon(node.url);
  assert.ok(session, `logon on ${node.name}: ${describeOutcome(outcome)}\n${node.log}`);
  return session;
}

/** Asks until the reply has `status`, for at most `limit` ms. */
export async function untilStatus(ask: () => Promise<Outcome>, status: number, limit = 10_000) {
  const start = Date.now();
  let last = await ask();
  while (statusOf(last) !== status && Date.now() - start < limit) {
    await sleep(100);
    last = await ask();
  }
  assert.equal(statusOf(last), status);
}

/**
 * Every node comes back by itself: it logs on again, and the next node knows the session. Each
 * node reconnects on its own schedule, so the next one may still answer 503 for a moment after
 * this one is back; it must then know the session within the same bound.
 */
export async function recovered(nodes: EmrestNode[]): Promise<void> {
  for (const [i, node] of nodes.entries()) {
    let session: Session | undefined;
    await untilStatus(async () => {
      const result = await logon(node.url);
      session = result.session;
      return result.outcome;
    }, 201);
    const next = nodes[(i + 1) % nodes.length]!;
    await untilStatus(() => readCurrent(next.url, session!), 200);
    const read = await readCurrent(next.url, session!);
    assert.ok(namesSession(read, session!), `${next.name}: ${describeOutcome(read)}`);
  }
}
