import { hostname } from "node:os";
import { isIP } from "node:net";
import { JSON_CASINGS, type JsonCasing } from "./representation/json/json-casing.js";
import type { ThrottleSettings } from "./sessions/throttle.js";

/**
 * Every setting of `emrest serve` meets here: flag, then environment variable, then default.
 * `loadServeConfig` checks them all once; a bad value throws a `ConfigError` whose message is
 * the one line the CLI prints before exiting non-zero.
 */
export interface ServeConfig {
  dataDir: string;
  /** `sqlite:PATH` (relative to dataDir), `memory:`, `postgres://…` or `redis://…`. */
  store: string;
  listen: string;
  /** null when switched off; 0 picks a free port. */
  httpsPort: number | null;
  httpPort: number | null;
  tlsCert: string | null;
  tlsKey: string | null;
  idleTimeoutMs: number;
  /** 0 when sessions have no absolute lifetime (the EM default). */
  absoluteLifetimeMs: number;
  /** When set, every Href starts with it instead of the request's own scheme and host. */
  publicUrl: string | null;
  /** The domain of local accounts and of bare user names. */
  domain: string;
  adminUser: string;
  adminPassword: string | null;
  logLevel: string;
  /** Failed logons allowed per name and per source address in a sliding window. */
  throttle: ThrottleSettings;
  /** How long a job started through the API runs; null for as long as its recent runs took. */
  jobRunLengthMs: number | null;
  /** Start a store that never had an inventory empty, instead of with the default site. */
  emptyInventory: boolean;
  /** JSON member names as EM 12 spells them (`pascal`) or as EM 13 does (`camel`). */
  jsonCasing: JsonCasing;
  /** `EMREST_DIAGNOSTICS=1`: log event-loop stalls and memory on SIGUSR2 (for the benchmark). */
  diagnostics: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Flags as the CLI parsed them; undefined means not given. `false` switches a port off. */
export interface ServeFlags {
  dataDir?: string;
  store?: string;
  listen?: string;
  httpsPort?: string | false;
  httpPort?: string | false;
  tlsCert?: string;
  tlsKey?: string;
  idleTimeout?: string;
  absoluteLifetime?: string;
  publicUrl?: string;
  domain?: string;
  adminUser?: string;
  adminPassword?: string;
  logLevel?: string;
  maxAccountFailures?: string;
  maxAddressFailures?: string;
  failureWindow?: string;
  jobRunLength?: string;
  emptyInventory?: boolean;
  jsonCasing?: string;
}

export const DEFAULTS = {
  dataDir: "./data",
  store: "sqlite:emrest.db",
  listen: "127.0.0.1",
  httpsPort: "9398",
  httpPort: "9399",
  idleTimeout: "15m",
  absoluteLifetime: "0",
  adminUser: "Administrator",
  logLevel: "info",
  maxAccountFailures: "10",
  maxAddressFailures: "50",
  failureWindow: "5m",
  jobRunLength: "auto",
  jsonCasing: "pascal",
} as const;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Resolves and checks every setting of `emrest serve`. */
export function loadServeConfig(flags: ServeFlags, env: NodeJS.ProcessEnv): ServeConfig {
  const pick = (flag: string | undefined, name: string, fallback: string): string =>
    flag ?? nonEmpty(env[name]) ?? fallback;

  const tlsCert = flags.tlsCert ?? nonEmpty(env.EMREST_TLS_CERT) ?? null;
  const tlsKey = flags.tlsKey ?? nonEmpty(env.EMREST_TLS_KEY) ?? null;
  if ((tlsCert === null) !== (tlsKey === null)) {
    throw new ConfigError("--tls-cert and --tls-key go together: give both or neither");
  }

  const config: ServeConfig = {
    dataDir: pick(flags.dataDir, "EMREST_DATA_DIR", DEFAULTS.dataDir),
    store: pick(flags.store, "EMREST_STORE", DEFAULTS.store),
    listen: checkListen(pick(flags.listen, "EMREST_LISTEN", DEFAULTS.listen)),
    httpsPort: port(flags.httpsPort, env.EMREST_HTTPS_PORT, DEFAULTS.httpsPort, "--https-port"),
    httpPort: port(flags.httpPort, env.EMREST_HTTP_PORT, DEFAULTS.httpPort, "--http-port"),
    tlsCert,
    tlsKey,
    idleTimeoutMs: duration(
      pick(flags.idleTimeout, "EMREST_IDLE_TIMEOUT", DEFAULTS.idleTimeout),
      "--idle-timeout",
    ),
    absoluteLifetimeMs: duration(
      pick(flags.absoluteLifetime, "EMREST_ABSOLUTE_LIFETIME", DEFAULTS.absoluteLifetime),
      "--absolute-lifetime",
      true,
    ),
    publicUrl: checkPublicUrl(flags.publicUrl ?? nonEmpty(env.EMREST_PUBLIC_URL) ?? null),
    domain: checkDomain(pick(flags.domain, "EMREST_DOMAIN", defaultDomain())),
    adminUser: pick(flags.adminUser, "EMREST_ADMIN_USER", DEFAULTS.adminUser),
    adminPassword: flags.adminPassword ?? nonEmpty(env.EMREST_ADMIN_PASSWORD) ?? null,
    logLevel: pick(flags.logLevel, "EMREST_LOG_LEVEL", DEFAULTS.logLevel),
    throttle: {
      accountFailures: count(
        pick(flags.maxAccountFailures, "EMREST_MAX_ACCOUNT_FAILURES", DEFAULTS.maxAccountFailures),
        "--max-account-failures",
      ),
      addressFailures: count(
        pick(flags.maxAddressFailures, "EMREST_MAX_ADDRESS_FAILURES", DEFAULTS.maxAddressFailures),
        "--max-address-failures",
      ),
      windowMs: duration(
        pick(flags.failureWindow, "EMREST_FAILURE_WINDOW", DEFAULTS.failureWindow),
        "--failure-window",
      ),
    },
    jobRunLengthMs: runLength(
      pick(flags.jobRunLength, "EMREST_JOB_RUN_LENGTH", DEFAULTS.jobRunLength),
    ),
    emptyInventory: flags.emptyInventory === true || env.EMREST_EMPTY_INVENTORY === "1",
    jsonCasing: jsonCasing(pick(flags.jsonCasing, "EMREST_JSON_CASING", DEFAULTS.jsonCasing)),
    diagnostics: env.EMREST_DIAGNOSTICS === "1",
  };

  if (config.httpsPort === null && config.httpPort === null) {
    throw new ConfigError("both ports are switched off: emrest would serve nothing");
  }
  if (!LOG_LEVELS.includes(config.logLevel)) {
    throw new ConfigError(`--log-level must be one of ${LOG_LEVELS.join(", ")}`);
  }
  return config;
}

/** Parses `900`, `900s`, `15m`, `1h`, `500ms` into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? "s"];
  return Math.round(Number(match[1]) * unit!);
}

function duration(text: string, flag: string, zeroAllowed = false): number {
  const ms = parseDuration(text);
  if (ms === undefined || (ms === 0 && !zeroAllowed) || ms > 365 * 86_400_000) {
    throw new ConfigError(`${flag} must be a duration such as 900s, 15m or 1h, not "${text}"`);
  }
  return ms;
}

/** `auto`, or a duration of at least a second (a run shorter than that would never be seen). */
function runLength(text: string): number | null {
  if (text === "auto") return null;
  const ms = parseDuration(text);
  if (ms === undefined || ms < 1000 || ms > 7 * 86_400_000) {
    throw new ConfigError(
      `--job-run-length must be auto or a duration from 1s to 7 days such as 90s or 2h, not "${text}"`,
    );
  }
  return ms;
}

function jsonCasing(text: string): JsonCasing {
  const casing = JSON_CASINGS.find((name) => name === text);
  if (casing === undefined) {
    throw new ConfigError(`--json-casing must be pascal (EM 12) or camel (EM 13), not "${text}"`);
  }
  return casing;
}

/** A limit of failures: a whole number, 0 for no limit. */
function count(text: string, flag: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 10_000) {
    throw new ConfigError(
      `${flag} must be a whole number from 0 (no limit) to 10000, not "${text}"`,
    );
  }
  return value;
}

function port(
  flag: string | false | undefined,
  fromEnv: string | undefined,
  fallback: string,
  name: string,
) {
  if (flag === false) return null;
  const text = flag ?? nonEmpty(fromEnv) ?? fallback;
  if (text === "off") return null;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65535) {
    throw new ConfigError(`${name} must be a port number from 0 to 65535 or "off", not "${text}"`);
  }
  return value;
}

function checkListen(address: string): string {
  if (isIP(address) === 0 && address !== "localhost") {
    throw new ConfigError(`--listen must be an IP address or localhost, not "${address}"`);
  }
  return address;
}

function checkPublicUrl(text: string | null): string | null {
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(
      `--public-url must be an absolute URL such as https://em.example.com:9398, not "${text}"`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`--public-url must use http or https, not "${url.protocol}"`);
  }
  return `${url.protocol}//${url.host}`;
}

function checkDomain(domain: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(domain)) {
    throw new ConfigError(`--domain must be a plain domain or host name, not "${domain}"`);
  }
  return domain;
}

function defaultDomain(): string {
  const first = hostname().split(".")[0]?.toUpperCase() ?? "";
  return /^[A-Z0-9][A-Z0-9_-]*$/.test(first) ? first : "EMREST";
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
