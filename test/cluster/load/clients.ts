import { setTimeout as sleep } from "node:timers/promises";
import { logon, logout, readCurrent, type Outcome, type Session } from "../em-calls.js";
import type { EmrestNode } from "../emrest-node.js";
import { judge, type Operation } from "./judge.js";
import type { Ledger } from "./ledger.js";
import type { Timeline } from "./timeline.js";

/** A client's think time between two requests. */
const PAUSE_MS = 15;
/** Sessions one client keeps open at most; they pile up to this, so many are live at the end. */
const MOST_HELD = 40;

export interface LoadContext {
  nodes: EmrestNode[];
  timeline: Timeline;
  ledger: Ledger;
  stopped(): boolean;
}

/**
 * One client of the load: it logs on, reads and logs out at random nodes, one request at a
 * time, until told to stop. Each session is used by the client that opened it only.
 */
export async function runClient(context: LoadContext): Promise<void> {
  const random = Math.random;
  const held: Session[] = [];

  while (!context.stopped()) {
    const node = context.nodes[Math.floor(random() * context.nodes.length)]!;
    const roll = random();
    if (held.length === 0 || (roll < 0.3 && held.length < MOST_HELD)) {
      const session = await logonAt(context, node);
      if (session) held.push(session);
    } else {
      const index = Math.floor(random() * held.length);
      if (roll < 0.88) await readAt(context, node, held[index]!);
      else await logoutAt(context, node, held.splice(index, 1)[0]!);
    }
    await sleep(PAUSE_MS);
  }
}

async function logonAt(context: LoadContext, node: EmrestNode): Promise<Session | undefined> {
  let session: Session | undefined;
  await judged(context, node, "logon", undefined, async () => {
    const result = await logon(node.url);
    session = result.session;
    return result.outcome;
  });
  if (session) context.ledger.live.add(session);
  return session;
}

function readAt(context: LoadContext, node: EmrestNode, session: Session): Promise<Outcome> {
  return judged(context, node, "read", session, () => readCurrent(node.url, session));
}

async function logoutAt(context: LoadContext, node: EmrestNode, session: Session): Promise<void> {
  context.ledger.live.delete(session);
  const outcome = await judged(context, node, "logout", session, () => logout(node.url, session));
  if (outcome.kind === "reply" && outcome.status === 204) context.ledger.deleted.push(session);
  else context.ledger.unsure.push(session);
}

/** Sends one request, judges its outcome against what was down meanwhile, and records it. */
async function judged(
  context: LoadContext,
  node: EmrestNode,
  operation: Operation,
  session: Session | undefined,
  send: () => Promise<Outcome>,
): Promise<Outcome> {
  const { timeline, ledger } = context;
  const phase = timeline.phase;
  const from = Date.now();
  const outcome = await send();
  const to = Date.now();

  const failure = judge(operation, outcome, session, {
    storeDown: timeline.wasDown("store", from, to),
    nodeDown: timeline.wasDown(node.name, from, to),
  });
  const where = `${operation} on ${node.name} at ${timeline.seconds} s (${phase})`;
  ledger.record(phase, operation, outcome, failure && `${where}: ${failure}`);
  return outcome;
}
