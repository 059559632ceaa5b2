import { randomBytes } from "node:crypto";
import pg from "pg";

/** The test database; trust auth on loopback here. */
export const POSTGRES_URL =
  process.env.EMREST_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const created = new Set<string>();

/**
 * Why the PostgreSQL tests cannot run here, or undefined when they can. In CI they never
 * skip: an unreachable server must fail the run, not hide it.
 */
export async function postgresSkipReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    if (process.env.CI === "true") return undefined;
    const { host } = new URL(POSTGRES_URL);
    return `PostgreSQL at ${host} is unreachable: ${(error as Error).message || error}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A store URL on a schema of its own, which `dropTestSchemas` removes. */
export function freshSchemaUrl(extra: Record<string, string> = {}): string {
  const schema = `emrest_test_${randomBytes(6).toString("hex")}`;
  created.add(schema);
  return withParams(POSTGRES_URL, { schema, ...extra });
}

export function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(params)) parsed.searchParams.set(name, value);
  return parsed.toString();
}

/** The schema a URL from `freshSchemaUrl` points at. */
export function schemaOf(url: string): string {
  return new URL(url).searchParams.get("schema")!;
}

/** Runs one query as the test's own superuser, outside any store. */
export async function adminQuery<R extends pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export async function dropTestSchemas(): Promise<void> {
  for (const schema of created) {
    await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
  created.clear();
}
