import { setTimeout as sleep } from "node:timers/promises";
import {
  describeOutcome,
  isErrorBody,
  logon,
  namesSession,
  readCurrent,
  statusOf,
  type Outcome,
  type Session,
} from "../em-calls.js";
import type { EmrestNode } from "../emrest-node.js";
import type { Ledger } from "./ledger.js";

/** Requests the checks keep in flight at once. */
const PARALLEL = 8;

/**
 * After the run, with the store and every node up: each acknowledged session that was not
 * logged out works on every node, each logged-out one gets 401 on every node, and each
 * whose logout had no clear answer is the same on every node.
 */
export async function verifySessions(nodes: EmrestNode[], ledger: Ledger): Promise<void> {
  await inParallel([...ledger.live], async (session) => {
    for (const node of nodes) {
      const reply = await readCurrent(node.url, session);
      if (!namesSession(reply, session)) {
        ledger.fail(`an acknowledged session is lost on ${node.name}: ${describeOutcome(reply)}`);
      }
    }
  });
  await inParallel(ledger.deleted, (session) => expectEnded(nodes, session, ledger, "deleted"));
  await inParallel(ledger.unsure, async (session) => {
    const replies = await Promise.all(nodes.map((node) => readCurrent(node.url, session)));
    const statuses = new Set(replies.map(statusOf));
    if (statuses.size !== 1 || ![...statuses].every((s) => s === 200 || s === 401)) {
      ledger.fail(`a session whose logout was cut answers ${[...statuses].join(", ")}`);
    }
  });
}

/** Expects 401 with an Error body from every node, waiting out 503s while a node recovers. */
export async function expectEnded(
  nodes: EmrestNode[],
  session: Session,
  ledger: Ledger,
  what: string,
): Promise<void> {
  for (const node of nodes) {
    const reply = await askPast503(() => readCurrent(node.url, session));
    if (!isErrorBody(reply, 401)) {
      ledger.fail(`a ${what} session came back on ${node.name}: ${describeOutcome(reply)}`);
    }
  }
}

/** Sessions opened on these nodes in turn, each checked to work on every one of them. */
export async function openSessions(nodes: EmrestNode[], count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < count; i++) {
    const { outcome, session } = await logon(nodes[i % nodes.length]!.url);
    if (!session)
      throw new Error(`a logon for the expiry check failed: ${describeOutcome(outcome)}`);
    for (const node of nodes) {
      const reply = await readCurrent(node.url, session);
      if (!namesSession(reply, session)) throw new Error(`${node.name}: ${describeOutcome(reply)}`);
    }
    sessions.push(session);
  }
  return sessions;
}

/** Asks again while the answer is a 503 or no connection, for at most 15 s. */
async function askPast503(ask: () => Promise<Outcome>): Promise<Outcome> {
  const until = Date.now() + 15_000;
  let outcome = await ask();
  while (statusOf(outcome) === 503 || outcome.kind === "no-connection") {
    if (Date.now() > until) break;
    await sleep(200);
    outcome = await ask();
  }
  return outcome;
}

async function inParallel<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}
