import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { REPO } from "../cli/run-emrest.js";
import { dropTestSchemas, freshSchemaUrl, postgresSkipReason } from "../store/postgres-server.js";
import {
  call,
  describeOutcome,
  logon,
  logout,
  namesSession,
  readCurrent,
  statusOf,
} from "./em-calls.js";
import { startNodes, type EmrestNode } from "./emrest-node.js";
import { freePort } from "./free-port.js";

const CONFIG = join(REPO, "docs/nginx-emrest.conf");

function nginxSkipReason(): string | undefined {
  const probe = spawnSync("nginx", ["-v"]);
  return probe.status === 0 ? undefined : "nginx is not installed (Debian: apt-get install nginx)";
}

/** The README's configuration with its own ports swapped for the test's. */
async function configFor(listen: number, nodes: EmrestNode[]): Promise<string> {
  const text = await readFile(CONFIG, "utf8");
  const replaced = text
    .replace("listen 127.0.0.1:8080;", `listen 127.0.0.1:${listen};`)
    .replace("server 127.0.0.1:9399 ", `server 127.0.0.1:${nodes[0]!.port} `)
    .replace("server 127.0.0.1:9409 ", `server 127.0.0.1:${nodes[1]!.port} `);
  const ports = [...replaced.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  assert.deepEqual(ports, [nodes[0]!.port, nodes[1]!.port, listen], "the three ports were found");
  return replaced;
}

/** Runs nginx in the foreground (`daemon off`), so the test owns the process. */
async function startNginx(prefix: string, url: string): Promise<ChildProcess> {
  const args = ["-p", prefix, "-c", join(prefix, "nginx.conf"), "-g", "daemon off;"];
  const child = spawn("nginx", args, { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += chunk));
  for (let tries = 0; tries < 50; tries++) {
    const entry = await call(url);
    if (entry.kind === "reply" && entry.status === 200) return child;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  child.kill("SIGKILL");
  throw new Error(`nginx did not serve: ${errors}`);
}

const skip = nginxSkipReason() ?? (await postgresSkipReason());

describe("two emrest nodes on PostgreSQL behind nginx, as in the README", { skip }, () => {
  let nodes: EmrestNode[] = [];
  let nginx: ChildProcess | undefined;
  let prefix: string;
  let url: string;
  before(async () => {
    nodes = await startNodes(2, { store: freshSchemaUrl() });
    prefix = await mkdtemp(join(tmpdir(), "emrest-nginx-"));
    // nginx's workers run as an unprivileged user when it is started as root.
    await chmod(prefix, 0o755);
    const port = await freePort();
    await writeFile(join(prefix, "nginx.conf"), await configFor(port, nodes));
    url = `http://127.0.0.1:${port}/api/`;
    nginx = await startNginx(prefix, url);
  });
  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once("exit", resolve));
      nginx.kill("SIGTERM");
      await exited;
    }
    await Promise.all(nodes.map((node) => node.remove()));
    if (prefix) await rm(prefix, { recursive: true, force: true });
    await dropTestSchemas();
  });

  async function nodesUsed(): Promise<Set<string>> {
    const log = await readFile(join(prefix, "access.log"), "utf8");
    return new Set([...log.matchAll(/node=127\.0\.0\.1:(\d+)/g)].map((m) => m[1]!));
  }

  it("logs on, lists, reads and logs out through nginx, on both nodes", async () => {
    const { outcome, session } = await logon(url);
    assert.ok(session, describeOutcome(outcome));
    assert.equal(
      outcome.kind === "reply" && outcome.headers.location,
      `${url}logonSessions/${session.id}`,
    );

    for (let i = 0; i < 4; i++) {
      const list = await readCurrent(url, session);
      assert.ok(namesSession(list, session), describeOutcome(list));
      // Hrefs follow the Host nginx passes on: the client's, so links lead back through nginx.
      const listed = JSON.parse(list.kind === "reply" ? list.body : "{}").LogonSessions[0];
      assert.equal(listed.Href, `${url}logonSessions/${session.id}`);
    }
    const read = await call(`${url}logonSessions/${session.id}`, {
      headers: { "x-restsvcsessionid": session.token },
    });
    assert.equal(statusOf(read), 200);

    assert.equal(statusOf(await logout(url, session)), 204);
    for (let i = 0; i < 2; i++) assert.equal(statusOf(await readCurrent(url, session)), 401);
    const ports = nodes.map((node) => String(node.port));
    assert.deepEqual([...(await nodesUsed())].sort(), ports.sort(), "nginx used both nodes");
  });

  it("keeps serving, sessions included, when one node is killed", async () => {
    const { session } = await logon(url);
    assert.ok(session);
    await nodes[0]!.kill("SIGKILL");

    for (let i = 0; i < 4; i++) {
      assert.ok(namesSession(await readCurrent(url, session), session), `read ${i}`);
      const again = await logon(url);
      assert.ok(again.session, `logon ${i}: ${describeOutcome(again.outcome)}`);
    }
  });
});
