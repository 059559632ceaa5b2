/**
 * Authenticated reads on PostgreSQL and on Redis against SQLite, runs interleaved. Each
 * store gets a schema or key prefix of its own, removed afterwards. Their servers are not
 * pinned: they are shared with the rest of the machine, so the emrest process's CPU per
 * request leaves out the time PostgreSQL or Redis spend.
 */
import pg from "pg";
import { createClient } from "redis";
import type { BenchContext } from "../context.js";
import { logon, startEmrest, type EmrestServer } from "../emrest-process.js";
import { runLoad } from "../load.js";
import { atLeast, percent } from "../results.js";
import { CONNECTIONS } from "./http.js";

const SQLITE = "GET session, XML, SQLite (beside the others)";
const POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = "redis://127.0.0.1:6379";

interface Target {
  name: string;
  store?: string;
  server?: EmrestServer;
  session?: { id: string; token: string };
  cleanUp: () => Promise<void>;
}

export async function storesSection(ctx: BenchContext): Promise<void> {
  const label = ctx.runLabel;
  const targets: Target[] = [{ name: SQLITE, cleanUp: async () => {} }];
  const postgres = await postgresVersion();
  if (postgres) {
    ctx.results.environment.set("PostgreSQL server", postgres);
    targets.push({
      name: "GET session, XML, PostgreSQL",
      store: `${POSTGRES_URL}?schema=${label}`,
      cleanUp: () => dropSchema(label),
    });
  } else ctx.results.note(`PostgreSQL at ${POSTGRES_URL} was unreachable: not measured.`);
  const redis = await redisVersion();
  if (redis) {
    ctx.results.environment.set("Redis server", redis);
    targets.push({
      name: "GET session, XML, Redis",
      store: `${REDIS_URL}?prefix=${label}:`,
      cleanUp: () => deleteKeys(`${label}:`),
    });
  } else ctx.results.note(`Redis at ${REDIS_URL} was unreachable: not measured.`);

  try {
    for (const target of targets) {
      target.server = await startEmrest({ dataDir: ctx.dir(target.name), store: target.store });
      target.session = await logon(target.server.api);
    }
    for (let rep = 0; rep < ctx.settings.reps; rep++) {
      for (const target of targets) await read(ctx, target);
    }
  } finally {
    for (const target of targets) {
      await target.server?.stop();
      await target.cleanUp();
    }
  }

  for (const name of ["PostgreSQL", "Redis"]) {
    const store = `GET session, XML, ${name}`;
    const share = ctx.results.median(store, "rps") / ctx.results.median(SQLITE, "rps");
    ctx.results.check(`reads on ${name} vs SQLite`, share, 0.5, atLeast(percent));
  }
}

async function read(ctx: BenchContext, target: Target): Promise<void> {
  const { server, session } = target;
  const result = await runLoad({
    url: `${server!.api}logonSessions/${session!.id}`,
    headers: { "x-restsvcsessionid": session!.token },
    connections: CONNECTIONS,
    duration: ctx.settings.seconds,
    serverPid: server!.pid,
  });
  if (result.statuses[200] !== result.responses) {
    ctx.results.note(`${target.name}: answers ${JSON.stringify(result.statuses)}`);
  }
  ctx.results.add(target.name, result, target.name === SQLITE ? undefined : SQLITE);
}

async function postgresVersion(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return (await client.query("SHOW server_version")).rows[0].server_version as string;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    // The name is ours (bench_PID): letters, digits and _ only.
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

async function redisVersion(): Promise<string | undefined> {
  const client = createClient({
    url: REDIS_URL,
    socket: { connectTimeout: 2000, reconnectStrategy: false },
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return /redis_version:(\S+)/.exec(await client.info("server"))?.[1];
  } catch {
    return undefined;
  } finally {
    if (client.isOpen) await client.close();
  }
}

async function deleteKeys(prefix: string): Promise<void> {
  const client = createClient({ url: REDIS_URL });
  client.on("error", () => {});
  await client.connect();
  try {
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      keys.push(...batch);
    }
    for (let i = 0; i < keys.length; i += 1000) await client.del(keys.slice(i, i + 1000));
  } finally {
    await client.close();
  }
}
