import { setTimeout as sleep } from "node:timers/promises";
import { logon, type Session } from "../em-calls.js";
import { startNodes, type EmrestNode } from "../emrest-node.js";
import { runClient } from "./clients.js";
import { Ledger } from "./ledger.js";
import { summarize } from "./summary.js";
import { Timeline } from "./timeline.js";
import { expectEnded, openSessions, verifySessions } from "./verify.js";

/** A store server of the test's own, which it may crash and start again. */
export interface PrivateStore {
  name: string;
  /** A store URL; `namespace` is a schema or key prefix, so two node groups stay apart. */
  url(namespace: string): string;
  crash(): Promise<void>;
  start(): Promise<void>;
}

export interface ScenarioResult {
  ledger: Ledger;
  summary: string;
}

/** Clients sending requests at once, each one at a time. */
const CLIENTS = 6;
/** The load stops after this many requests even if the timeline is not over. */
const MOST_REQUESTS = 50_000;
/** How long each step of the timeline lasts. */
const STEP_MS = { steady: 5000, nodeDown: 3000, nodeBack: 3000, storeDown: 5000, after: 5000 };
/** A node must serve logons again this soon after its store is back. */
const RECOVERY_LIMIT_MS = 20_000;

/**
 * One run against one store server: `nodeCount` nodes (idle timeout 10 minutes, so no
 * session of the load idles out) under a mixed load; one node killed with SIGKILL and
 * started again; then the store crashed and started again. Two more nodes with a 2 s idle
 * timeout, on a namespace of their own, check that expired sessions stay expired across it.
 */
export async function runScenario(
  store: PrivateStore,
  nodeCount: number,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const nodes = await startNodes(nodeCount, { store: store.url("emrest"), idleTimeout: "10m" });
  const short = await startNodes(
    2,
    { store: store.url("expiry"), idleTimeout: "2s" },
    "short",
  ).catch(async (error) => {
    await Promise.all(nodes.map((node) => node.remove()));
    throw error;
  });
  const timeline = new Timeline();
  const ledger = new Ledger();
  const say = (text: string) => log(`${store.name} ${timeline.seconds} s: ${text}`);

  let stop = false;
  const stopped = () => stop || ledger.requests >= MOST_REQUESTS;
  const started = Date.now();
  try {
    const expiredEarly = await openSessions(short, 3);
    const load = Promise.all(
      Array.from({ length: CLIENTS }, () => runClient({ nodes, timeline, ledger, stopped })),
    );
    let expiringInOutage: Session[] = [];
    try {
      await sleep(STEP_MS.steady);
      await killAndRestart(nodes[0]!, timeline, say);
      await sleep(STEP_MS.nodeBack);

      for (const session of expiredEarly) await expectEnded(short, session, ledger, "expired");
      expiringInOutage = await openSessions(short, 3);
      await crashStore(store, nodes, timeline, say);
      await sleep(STEP_MS.after);
    } finally {
      stop = true;
      await load;
    }
    const seconds = (Date.now() - started) / 1000;

    say("load stopped; checking every session on every node");
    await verifySessions(nodes, ledger);
    for (const session of [...expiredEarly, ...expiringInOutage]) {
      await expectEnded(short, session, ledger, "expired");
    }
    return { ledger, summary: summarize(`${store.name}, ${nodeCount} nodes`, ledger, seconds) };
  } catch (error) {
    for (const node of [...nodes, ...short]) log(`--- ${node.name} log ---\n${node.log}`);
    throw error;
  } finally {
    await Promise.all([...nodes, ...short].map((node) => node.remove()));
  }
}

async function killAndRestart(node: EmrestNode, timeline: Timeline, say: (t: string) => void) {
  timeline.phase = "node down";
  const up = timeline.down(node.name);
  await node.kill("SIGKILL");
  say(`killed ${node.name} with SIGKILL`);
  await sleep(STEP_MS.nodeDown);

  await node.restart();
  up();
  timeline.phase = "node back";
  say(`${node.name} serves again on port ${node.port}`);
}

async function crashStore(
  store: PrivateStore,
  nodes: EmrestNode[],
  timeline: Timeline,
  say: (t: string) => void,
) {
  timeline.phase = "store down";
  const up = timeline.down("store");
  await store.crash();
  say("store crashed");
  await sleep(STEP_MS.storeDown);

  await store.start();
  timeline.phase = "store back";
  const restarted = Date.now();
  say("store started again");
  const recovered = await Promise.all(nodes.map((node) => firstLogon(node, restarted)));
  up();
  timeline.phase = "after";
  say(
    `every node logs on again: ${nodes.map((n, i) => `${n.name} ${recovered[i]} ms`).join(", ")}`,
  );
}

/** Milliseconds from `since` to the node's first 201 to a logon. */
async function firstLogon(node: EmrestNode, since: number): Promise<number> {
  for (;;) {
    const { session, outcome } = await logon(node.url);
    if (session) return Date.now() - since;
    if (Date.now() - since > RECOVERY_LIMIT_MS) {
      throw new Error(`${node.name} did not recover: ${JSON.stringify(outcome)}`);
    }
    await sleep(100);
  }
}
