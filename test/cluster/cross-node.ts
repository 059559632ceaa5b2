import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import {
  describeOutcome,
  isErrorBody,
  logon,
  logout,
  namesSession,
  readCurrent,
  statusOf,
  type Outcome,
  type Session,
} from "./em-calls.js";
import { startNodes, type EmrestNode } from "./emrest-node.js";
import { logonOk, recovered } from "./node-checks.js";

/** What the cross-node tests need to know of a shared store server. */
export interface SharedStore {
  /** A short name for test titles. */
  name: string;
  /** The server itself; the nodes reach it through a proxy the tests can cut. */
  target: { host: string; port: number };
  /** A fresh, empty store URL (own schema or key prefix) reached on 127.0.0.1:`port`. */
  freshUrl(port: number): string;
  /** A value that changes whenever the store writes this session (a row version, an expiry). */
  writeMark(url: string, token: string): Promise<string>;
  /** Removes what `freshUrl` created. */
  cleanUp(): Promise<void>;
}

/** Idle timeout of the test nodes: short enough to watch a session end, long enough to slide. */
const IDLE_S = 3;

/**
 * The tests every store that serves several nodes passes: emrest processes started with
 * `emrest serve` on one fresh store behave as one server, fail with 503 while the store is
 * unreachable and come back by themselves.
 */
export function crossNodeTests(store: SharedStore, count: number, skip?: string): void {
  describe(`${count} emrest nodes on one ${store.name} store`, { skip }, () => {
    let proxy: TcpProxy;
    let nodes: EmrestNode[] = [];
    let url: string;
    before(async () => {
      proxy = new TcpProxy(store.target);
      await proxy.start();
      url = store.freshUrl(proxy.port);
      nodes = await startNodes(count, { store: url, idleTimeout: `${IDLE_S}s` });
    });
    after(async () => {
      await Promise.all(nodes.map((node) => node.remove()));
      await proxy?.stop();
      await store.cleanUp();
    });

    it("accepts a session opened on one node on every other node", async () => {
      const session = await logonOk(nodes[0]!);

      for (const node of nodes) {
        const reply = await readCurrent(node.url, session);
        assert.ok(namesSession(reply, session), `${node.name}: ${describeOutcome(reply)}`);
      }
    });

    it("ends a session deleted on one node for the very next request on every other", async () => {
      const session = await logonOk(nodes[0]!);
      const other = await logonOk(nodes[0]!);
      assert.equal(statusOf(await readCurrent(nodes[0]!.url, session)), 200);

      assert.equal(statusOf(await logout(nodes[1]!.url, session)), 204);

      // Node A (nodes[0]) asks first, right after the DELETE on B.
      for (const node of nodes) {
        const reply = await readCurrent(node.url, session);
        assert.equal(statusOf(reply), 401, node.name);
        assert.ok(isErrorBody(reply, 401));
      }
      // Another session of the same account is untouched.
      assert.equal(statusOf(await readCurrent(nodes[0]!.url, other)), 200);
    });

    it("slides the idle window the same on every node, and ends it on all of them", async () => {
      const asked = Date.now();
      const session = await logonOk(nodes[0]!);
      const start = Date.now();

      // A request a second, each on the next node, for longer than the idle timeout: only
      // slides written by one node and seen by the next keep the session alive.
      for (let second = 1; second <= IDLE_S + 1; second++) {
        await sleep(start + second * 1000 - Date.now());
        const node = nodes[second % nodes.length]!;
        assert.equal(
          statusOf(await readCurrent(node.url, session)),
          200,
          `${node.name}, ${second} s after a logon that took ${start - asked} ms`,
        );
      }

      await sleep(IDLE_S * 1000 + 500);
      for (const round of ["expired", "still expired"]) {
        for (const node of nodes) {
          assert.equal(
            statusOf(await readCurrent(node.url, session)),
            401,
            `${round} on ${node.name}`,
          );
        }
      }
    });

    it("writes a busy session to the store about once a second, not on every request", async () => {
      const session = await logonOk(nodes[0]!);
      const start = Date.now();
      const marks = new Set([await store.writeMark(url, session.token)]);

      let requests = 0;
      while (Date.now() - start < 2500) {
        const node = nodes[requests % nodes.length]!;
        assert.equal(statusOf(await readCurrent(node.url, session)), 200);
        requests++;
        marks.add(await store.writeMark(url, session.token));
      }

      const seconds = (Date.now() - start) / 1000;
      const writes = marks.size - 1;
      const said = `${writes} writes for ${requests} requests in ${seconds} s`;
      assert.ok(requests >= 20, said);
      assert.ok(writes >= 1, `the idle window never slid: ${said}`);
      assert.ok(writes <= Math.floor(seconds) + 1, said);
    });

    it("answers 503 with an Error body on every node while the store is cut off", async () => {
      const session = await logonOk(nodes[0]!);
      await proxy.stop();
      try {
        for (const node of nodes) {
          for (const outcome of [
            await readCurrent(node.url, session),
            await logon(node.url).then((r) => r.outcome),
          ]) {
            assert.ok(isErrorBody(outcome, 503), `${node.name}: ${describeOutcome(outcome)}`);
            assert.ok(outcome.kind === "reply" && outcome.ms < 3000, describeOutcome(outcome));
          }
        }
      } finally {
        await proxy.start();
      }

      await recovered(nodes);
    });

    it("answers 503 instead of hanging when the store stops answering", async () => {
      const session = await logonOk(nodes[0]!);
      proxy.freeze();
      let outcome: Outcome;
      try {
        outcome = await readCurrent(nodes[1]!.url, session);
      } finally {
        await proxy.stop();
        await proxy.start();
      }

      // PostgreSQL gives up on a query after 5 s, Redis on a command after 3 s.
      assert.ok(isErrorBody(outcome, 503), describeOutcome(outcome));
      assert.ok(outcome.kind === "reply" && outcome.ms < 7000, describeOutcome(outcome));
      await recovered(nodes);
    });

    it("loses no acknowledged logon when a node is killed with SIGKILL mid-load", async () => {
      const victim = nodes[nodes.length - 1]!;
      const survivor = nodes[0]!;
      const acknowledged: Session[] = [];
      // Sessions idle out after IDLE_S, which logons and a restart on a busy machine can
      // outlast: a survivor uses each one from its logon on, as a client polling through a
      // balancer would. A lost session fails the checks below, whatever this read saw.
      let polling = true;
      const poll = (async () => {
        while (polling) {
          for (const session of [...acknowledged]) await readCurrent(survivor.url, session);
          await sleep(300);
        }
      })();

      try {
        const load = Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 50 && victim.running; i++) {
            const { session } = await logon(victim.url);
            if (session) acknowledged.push(session);
          }
        });
        const until = Date.now() + 10_000;
        while (acknowledged.length < 8 && Date.now() < until) await sleep(10);
        await victim.kill("SIGKILL");
        await Promise.all(load);

        for (const session of acknowledged) {
          for (const node of nodes.filter((n) => n !== victim)) {
            const reply = await readCurrent(node.url, session);
            assert.ok(namesSession(reply, session), `${node.name}: ${describeOutcome(reply)}`);
          }
        }
        await victim.restart();
        const reply = await readCurrent(victim.url, acknowledged[0]!);
        assert.ok(namesSession(reply, acknowledged[0]!), describeOutcome(reply));
      } finally {
        polling = false;
        await poll;
      }
    });
  });
}
