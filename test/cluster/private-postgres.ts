import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port.js";
import { cleanUpOnExit } from "./reap-on-exit.js";

const run = promisify(execFile);

/** Where Debian keeps the server's programs, newest version first; PATH otherwise. */
function findBinDir(): string | undefined {
  if (process.env.EMREST_PG_BIN) return process.env.EMREST_PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions
    .map((v) => join(root, v, "bin"))
    .find((d) => existsSync(join(d, "initdb")));
  return found;
}

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free loopback port, so
 * the test can crash and restart it without touching the machine's shared server. As root
 * its programs run as the `postgres` user (the server refuses to run as root). The server
 * keeps its defaults `fsync = on` and `synchronous_commit = on`.
 */
export class PrivatePostgres {
  readonly #bin: string;
  readonly #dir: string;
  readonly port: number;
  #forget: () => void = () => {};

  private constructor(bin: string, dir: string, port: number) {
    this.#bin = bin;
    this.#dir = dir;
    this.port = port;
  }

  /** Why a private server cannot be made here, or undefined when it can. */
  static unavailableReason(): string | undefined {
    const bin = findBinDir();
    if (bin === undefined)
      return "no PostgreSQL server programs (initdb) under /usr/lib/postgresql";
    if (userInfo().uid === 0 && !existsSync("/usr/sbin/runuser")) return "runuser is missing";
    return undefined;
  }

  /** Creates the cluster and starts it. */
  static async start(): Promise<PrivatePostgres> {
    const dir = await mkdtemp(join(tmpdir(), "emrest-private-pg-"));
    const server = new PrivatePostgres(findBinDir()!, dir, await freePort());
    if (userInfo().uid === 0) await chown(dir, ...(await postgresIds()));
    await server.#as("initdb", ["-D", server.#data, "-A", "trust", "-U", "postgres", "-E", "UTF8"]);
    await server.start();
    // pg_ctl leaves the server running on its own: stop it if the test process ends early.
    server.#forget = cleanUpOnExit(() => {
      const [file, argv] = server.#command("pg_ctl", [
        "-D",
        server.#data,
        "-m",
        "immediate",
        "stop",
      ]);
      execFileSync(file, argv, { stdio: "ignore" });
    });
    return server;
  }

  get #data(): string {
    return join(this.#dir, "data");
  }

  /** A store URL for emrest, its tables in `schema`. */
  url(schema: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres?schema=${schema}`;
  }

  /** Starts the server (again) and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.#dir} -c listen_addresses=127.0.0.1`;
    const log = join(this.#dir, "server.log");
    await this.#as("pg_ctl", ["-D", this.#data, "-l", log, "-w", "-o", options, "start"]);
  }

  /**
   * Stops the server the way a crash would: `immediate` ends every process at once, without
   * a checkpoint, and the next start recovers from the write-ahead log.
   */
  async crash(): Promise<void> {
    await this.#as("pg_ctl", ["-D", this.#data, "-m", "immediate", "-w", "stop"]);
  }

  /** Stops the server if it runs and deletes its folder. */
  async remove(): Promise<void> {
    this.#forget();
    await this.crash().catch(() => undefined);
    await rm(this.#dir, { recursive: true, force: true });
  }

  async #as(program: string, args: string[]): Promise<void> {
    const [file, argv] = this.#command(program, args);
    await run(file, argv, { cwd: this.#dir, timeout: 60_000 });
  }

  /** A server program with its arguments, run as `postgres` when we are root. */
  #command(program: string, args: string[]): [string, string[]] {
    const path = join(this.#bin, program);
    if (userInfo().uid !== 0) return [path, args];
    return ["/usr/sbin/runuser", ["-u", "postgres", "--", path, ...args]];
  }
}

async function postgresIds(): Promise<[number, number]> {
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return [uid, gid];
}
