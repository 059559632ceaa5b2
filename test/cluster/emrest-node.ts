import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanEnv, REPO } from "../cli/run-emrest.js";
import { reapOnExit } from "./reap-on-exit.js";

/** The administrator every test node is started with; all nodes of a store share it. */
export const ADMIN = { userName: "Administrator", password: "cluster-Test-pw-1" };

export interface NodeOptions {
  /** The store URL every node of a cluster shares. */
  store: string;
  /** `--idle-timeout`, e.g. `3s`; emrest's own default when not given. */
  idleTimeout?: string;
}

/** How long a node may take to print its URL: tsx compiles the sources on every start. */
const START_TIMEOUT_MS = 20_000;
/** Only the end of a node's log is kept, to show when a test fails. */
const LOG_TAIL = 16 * 1024;

/**
 * One `emrest serve` child process (plain HTTP on loopback, no HTTPS), started the way an
 * operator would: `node bin/emrest.js serve --store URL …`. It can be killed with any signal
 * and started again on the same port, so clients keep their addresses.
 */
export class EmrestNode {
  readonly name: string;
  readonly #options: NodeOptions;
  readonly #dataDir: string;
  #child: ChildProcess | undefined;
  #exited: Promise<void> = Promise.resolve();
  #log = "";
  port = 0;

  private constructor(name: string, options: NodeOptions, dataDir: string) {
    this.name = name;
    this.#options = options;
    this.#dataDir = dataDir;
  }

  /** Starts a node on a free port and resolves once it serves. */
  static async start(name: string, options: NodeOptions): Promise<EmrestNode> {
    const dataDir = await mkdtemp(join(tmpdir(), `emrest-${name}-`));
    const node = new EmrestNode(name, options, dataDir);
    await node.restart();
    return node;
  }

  /** `http://127.0.0.1:PORT/api/` */
  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  /** The end of what the node logged, for failure messages. */
  get log(): string {
    return this.#log;
  }

  /** Starts the process again, on the port it had (a free one the first time). */
  async restart(): Promise<void> {
    if (this.#child) throw new Error(`${this.name} is still running`);
    const child = spawn(process.execPath, ["bin/emrest.js", "serve", ...this.#args()], {
      cwd: REPO,
      env: cleanEnv({ EMREST_ADMIN_PASSWORD: ADMIN.password }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.#child = child;
    const forget = reapOnExit(child);
    this.#exited = new Promise((resolve) => child.once("exit", () => resolve()));
    void this.#exited.then(forget);
    void this.#exited.then(() => {
      if (this.#child === child) this.#child = undefined;
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      this.#log = (this.#log + chunk.toString()).slice(-LOG_TAIL);
    });
    this.port = await this.#servingPort(child);
  }

  /** Sends `signal` and waits for the process to end: SIGKILL is a crash, SIGTERM a stop. */
  async kill(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.#child;
    if (!child) return;
    child.kill(signal);
    await this.#exited;
  }

  /** Stops the node and removes its data directory. */
  async remove(): Promise<void> {
    await this.kill("SIGKILL");
    await rm(this.#dataDir, { recursive: true, force: true });
  }

  #args(): string[] {
    const { store, idleTimeout } = this.#options;
    return [
      ...["--store", store, "--data-dir", this.#dataDir, "--domain", "CLUSTER"],
      ...["--https-port", "off", "--http-port", String(this.port), "--log-level", "warn"],
      ...(idleTimeout ? ["--idle-timeout", idleTimeout] : []),
    ];
  }

  /** Resolves with the port of the URL the node prints once it listens. */
  #servingPort(child: ChildProcess): Promise<number> {
    return new Promise((resolve, reject) => {
      let out = "";
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(new Error(`${this.name} ${why}: ${out}${this.#log}`));
      };
      const timer = setTimeout(() => fail("printed no URL in time"), START_TIMEOUT_MS);
      const early = (code: number | null) => fail(`exited with ${code} before serving`);
      child.once("exit", early);
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /^http:\/\/127\.0\.0\.1:(\d+)\/api\/$/m.exec(out);
        if (!match) return;
        clearTimeout(timer);
        child.off("exit", early);
        resolve(Number(match[1]));
      });
    });
  }
}

/** Starts `count` nodes on one store, side by side. */
export async function startNodes(
  count: number,
  options: NodeOptions,
  prefix = "node",
): Promise<EmrestNode[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${String.fromCharCode(97 + i)}`);
  const started = await Promise.allSettled(names.map((name) => EmrestNode.start(name, options)));
  const nodes = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await Promise.all(nodes.map((node) => node.remove()));
    throw (failed as PromiseRejectedResult).reason;
  }
  return nodes;
}
