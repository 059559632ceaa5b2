/**
 * The soak test, `npm run soak`: `emrest serve` on SQLite in a fresh directory, mixed traffic
 * from SOAK_CLIENTS clients (16), each on its own loopback address, and one attacker
 * guessing passwords, for SOAK_SECONDS (600). Then every session a client still holds must
 * work, every one it logged out must stay gone, no request may have failed that should not
 * have, and the server's memory must be flat. Exits 1 when any of that does not hold.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runEmrest, spawnEmrest } from "../cli/run-emrest.js";
import { basic } from "../helpers/client.js";
import { SoakClient, type Tally } from "./soak-client.js";
import { watchServer, type ServerWatch } from "./soak-server.js";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 16);
const PASSWORD = "s0ak-admin-pw";

async function main(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "emrest-soak-"));
  const env = { EMREST_DATA_DIR: dir, EMREST_DOMAIN: "SOAK" };
  // The administrator is created here too: serve creates one only in an empty store.
  for (const [name, role, password] of [
    ["Administrator", "PortalAdministrator", PASSWORD],
    ["victim", "PortalUser", "v1ctim-pw"],
  ]) {
    const added = await runEmrest(["accounts", "add", name!, "--role", role!], {
      input: password,
      env,
    });
    if (added.code !== 0) throw new Error(`accounts add ${name}: ${added.stderr}`);
  }

  const child = spawnEmrest(
    [
      "serve",
      "--no-https",
      "--http-port",
      "0",
      "--admin-password",
      PASSWORD,
      "--idle-timeout",
      "60s",
    ],
    { ...env, EMREST_DIAGNOSTICS: "1" },
  );
  const server = await watchServer(child);
  console.log(`soak: ${SECONDS} s, ${CLIENTS} clients and an attacker against ${server.url}`);

  const tally: Tally = { requests: new Map(), failures: [] };
  const auth = basic("Administrator", PASSWORD);
  const clients = Array.from(
    { length: CLIENTS },
    (_, i) => new SoakClient(server.url, `127.0.0.${10 + i}`, auth, tally),
  );
  const until = Date.now() + SECONDS * 1000;
  const sampling = sampleMemory(server, child.pid!, until);
  await Promise.all([
    ...clients.map((client) => client.run(until)),
    attack(server.url, tally, until),
  ]);
  const samples = await sampling;

  const lost = await checkSessions(clients, tally);
  child.kill("SIGTERM");
  const code = await server.exited;
  clients.forEach((client) => client.close());
  await rm(dir, { recursive: true, force: true });

  return report({ tally, samples, lost, code, server });
}

/** Wrong passwords from 127.0.0.250, for the victim and for names that do not exist. */
async function attack(url: string, tally: Tally, until: number) {
  const attacker = new SoakClient(url, "127.0.0.250", "", tally);
  for (let i = 0; Date.now() < until; i++) {
    const user = i % 3 === 0 ? `ghost${i}` : "victim";
    await attacker.call("attack", "POST", "sessionMngr/?v=latest", [401], {
      authorization: basic(user, `guess-${i}`),
    });
    await sleep(100);
  }
  attacker.close();
}

interface Sample {
  at: number;
  rssMb: number;
}

/** The server's resident memory every 5 s, read from /proc, and its own report each 30 s. */
async function sampleMemory(server: ServerWatch, pid: number, until: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const start = Date.now();
  for (let i = 0; Date.now() < until; i++) {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    samples.push({ at: (Date.now() - start) / 1000, rssMb: rssKb / 1024 });
    if (i % 6 === 0) server.child.kill("SIGUSR2");
    await sleep(Math.min(5_000, Math.max(0, until - Date.now())));
  }
  return samples;
}

/** Every session a client holds answers 200; every one it logged out answers 401. */
async function checkSessions(clients: SoakClient[], tally: Tally): Promise<number> {
  const before = tally.failures.length;
  let checked = 0;
  for (const client of clients) {
    for (const token of client.sessions) {
      await client.call("check-live", "GET", "logonSessions", [200], {
        "x-restsvcsessionid": token,
      });
      checked++;
    }
    for (const token of client.loggedOut.slice(-50)) {
      await client.call("check-gone", "GET", "logonSessions", [401], {
        "x-restsvcsessionid": token,
      });
      checked++;
    }
  }
  console.log(`checked ${checked} sessions after the run`);
  return tally.failures.length - before;
}

function report(run: {
  tally: Tally;
  samples: Sample[];
  lost: number;
  code: unknown;
  server: ServerWatch;
}) {
  const { tally, samples, server } = run;
  let total = 0;
  for (const [name, times] of [...tally.requests].sort()) {
    total += times.length;
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(1);
    console.log(
      `${name.padEnd(12)} ${String(times.length).padStart(8)}  p50 ${at(0.5)} ms  p99 ${at(0.99)} ms`,
    );
  }

  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const mean = (list: Sample[]) => list.reduce((sum, s) => sum + s.rssMb, 0) / list.length;
  const settled = mean(samples.slice(quarter, 2 * quarter));
  const last = mean(samples.slice(-quarter));
  const growth = last - settled;
  const flat = growth < Math.max(15, settled * 0.15);

  console.log(
    `requests ${total}, unexpected ${tally.failures.length}, lost or revived sessions ${run.lost}`,
  );
  for (const failure of tally.failures.slice(0, 10)) console.log(`  ${failure}`);
  console.log(
    `server RSS: ${samples[0]?.rssMb.toFixed(0)} MB at start, ${settled.toFixed(0)} MB settled, ` +
      `${last.toFixed(0)} MB at the end, ${Math.max(...samples.map((s) => s.rssMb)).toFixed(0)} MB at most ` +
      `(${flat ? "flat" : "GROWING"})`,
  );
  console.log(
    `server heap used (its own reports, MB): ${server.heapMb.map((mb) => mb.toFixed(0)).join(" ")}`,
  );
  console.log(`longest event-loop stall reported: ${server.maxLoopDelayMs.toFixed(0)} ms`);
  console.log(
    `audit lines: ${JSON.stringify(server.auditEvents)}; error lines: ${server.errorLines.length}`,
  );
  for (const line of server.errorLines.slice(0, 5)) console.log(`  ${line}`);
  console.log(`server exit code after SIGTERM: ${run.code}`);

  const ok =
    tally.failures.length === 0 && flat && run.code === 0 && server.errorLines.length === 0;
  console.log(ok ? "soak: PASS" : "soak: FAIL");
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
