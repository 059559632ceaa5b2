import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createClient } from "redis";
import { freePort } from "./free-port.js";
import { reapOnExit } from "./reap-on-exit.js";

/**
 * Every change is written to the append-only file and synced to disk before Redis answers,
 * so an acknowledged logon survives a crash of Redis (docs/stores.md).
 */
export const PERSISTENCE = ["--save", "", "--appendonly", "yes", "--appendfsync", "always"];

/**
 * A redis-server of the test's own, in a temporary folder on a free loopback port, so the
 * test can kill and restart it without touching the machine's shared Redis.
 */
export class PrivateRedis {
  readonly #dir: string;
  readonly port: number;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();

  private constructor(dir: string, port: number) {
    this.#dir = dir;
    this.port = port;
  }

  /** Why a private server cannot be started here, or undefined when it can. */
  static unavailableReason(): string | undefined {
    const probe = spawnSync("redis-server", ["--version"]);
    return probe.status === 0 ? undefined : "redis-server is not installed";
  }

  static async start(): Promise<PrivateRedis> {
    const dir = await mkdtemp(join(tmpdir(), "emrest-private-redis-"));
    const server = new PrivateRedis(dir, await freePort());
    await server.start();
    return server;
  }

  /** A store URL for emrest, every key starting with `prefix`. */
  url(prefix: string): string {
    return `redis://127.0.0.1:${this.port}/0?prefix=${encodeURIComponent(prefix)}`;
  }

  /** Starts the server (again, reading back its append-only file) and waits for a PONG. */
  async start(): Promise<void> {
    const args = ["--port", String(this.port), "--bind", "127.0.0.1", "--dir", this.#dir];
    const child = spawn("redis-server", [...args, ...PERSISTENCE], { stdio: "ignore" });
    this.#child = child;
    const forget = reapOnExit(child);
    this.#exited = new Promise((resolve) => child.once("exit", () => resolve()));
    void this.#exited.then(forget);
    for (let tries = 0; tries < 100; tries++) {
      if (await this.#pong()) return;
      await sleep(100);
    }
    throw new Error(`the private redis-server on port ${this.port} did not come up`);
  }

  /** Kills the server with SIGKILL: a crash, with no chance to save anything more. */
  async crash(): Promise<void> {
    this.#child?.kill("SIGKILL");
    await this.#exited;
    this.#child = undefined;
  }

  async remove(): Promise<void> {
    await this.crash();
    await rm(this.#dir, { recursive: true, force: true });
  }

  async #pong(): Promise<boolean> {
    const client = createClient({
      socket: { host: "127.0.0.1", port: this.port, connectTimeout: 500, reconnectStrategy: false },
    });
    client.on("error", () => {});
    try {
      await client.connect();
      return (await client.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      client.destroy();
    }
  }
}
