import type { Command } from "commander";
import { DEFAULTS, type ServeFlags } from "../config.js";
import { withDefault } from "./option-help.js";

/** What commander hands `serve`: ports as typed, plus the `--no-https`/`--no-http` switches. */
export type ServeOptions = Omit<ServeFlags, "httpsPort" | "httpPort"> & {
  httpsPort?: string;
  httpPort?: string;
  https: boolean;
  http: boolean;
};

const PORT = "0 picks a free port, off switches it off";

/** flag, help, default as shown, environment variable. */
const OPTIONS: [string, string, string, string][] = [
  [
    "--data-dir <dir>",
    "directory for the database, TLS files and initial admin password",
    DEFAULTS.dataDir,
    "EMREST_DATA_DIR",
  ],
  [
    "--store <url>",
    "sqlite:PATH (in the data dir), memory:, postgres://… or redis://…",
    DEFAULTS.store,
    "EMREST_STORE",
  ],
  ["--listen <address>", "IP address to listen on", DEFAULTS.listen, "EMREST_LISTEN"],
  ["--https-port <port>", `HTTPS port; ${PORT}`, DEFAULTS.httpsPort, "EMREST_HTTPS_PORT"],
  ["--http-port <port>", `plain HTTP port; ${PORT}`, DEFAULTS.httpPort, "EMREST_HTTP_PORT"],
  [
    "--tls-cert <file>",
    "PEM certificate for HTTPS",
    "self-signed, kept in the data dir",
    "EMREST_TLS_CERT",
  ],
  ["--tls-key <file>", "PEM private key of --tls-cert", "none", "EMREST_TLS_KEY"],
  [
    "--idle-timeout <duration>",
    "a session ends after this long unused: 90s, 15m, 1h…",
    DEFAULTS.idleTimeout,
    "EMREST_IDLE_TIMEOUT",
  ],
  [
    "--absolute-lifetime <duration>",
    "a session ends this long after logon; 0 for never",
    DEFAULTS.absoluteLifetime,
    "EMREST_ABSOLUTE_LIFETIME",
  ],
  [
    "--public-url <url>",
    "scheme and host that every Href starts with",
    "the request's own",
    "EMREST_PUBLIC_URL",
  ],
  [
    "--domain <domain>",
    "domain of local accounts and of bare user names",
    "this host's name, upper-cased",
    "EMREST_DOMAIN",
  ],
  [
    "--admin-user <name>",
    "Portal Administrator created when the store has no account",
    DEFAULTS.adminUser,
    "EMREST_ADMIN_USER",
  ],
  [
    "--admin-password <password>",
    "its password; the variable is safer, flags show in ps",
    "generated, printed once",
    "EMREST_ADMIN_PASSWORD",
  ],
  [
    "--max-account-failures <n>",
    "failed logons per account name within --failure-window; 0 for no limit",
    DEFAULTS.maxAccountFailures,
    "EMREST_MAX_ACCOUNT_FAILURES",
  ],
  [
    "--max-address-failures <n>",
    "failed logons per source address within --failure-window; 0 for no limit",
    DEFAULTS.maxAddressFailures,
    "EMREST_MAX_ADDRESS_FAILURES",
  ],
  [
    "--failure-window <duration>",
    "the sliding window those limits count in",
    DEFAULTS.failureWindow,
    "EMREST_FAILURE_WINDOW",
  ],
  [
    "--job-run-length <duration>",
    "how long a job started through the API runs; auto: as long as its recent runs took",
    DEFAULTS.jobRunLength,
    "EMREST_JOB_RUN_LENGTH",
  ],
  [
    "--json-casing <casing>",
    "JSON member names: pascal as EM 12 writes them, camel as EM 13 does",
    DEFAULTS.jsonCasing,
    "EMREST_JSON_CASING",
  ],
  [
    "--log-level <level>",
    "fatal, error, warn, info, debug, trace or silent",
    DEFAULTS.logLevel,
    "EMREST_LOG_LEVEL",
  ],
];

export function addServeOptions(command: Command): Command {
  for (const [flag, help, fallback, envName] of OPTIONS) {
    command.option(flag, withDefault(help, fallback, envName));
  }
  return command
    .option(
      "--empty-inventory",
      withDefault(
        "start a store that never had an inventory empty, not with the small example site",
        "off",
        "EMREST_EMPTY_INVENTORY=1",
      ),
    )
    .option("--no-https", "serve no HTTPS (same as --https-port off)")
    .option("--no-http", "serve no plain HTTP (same as --http-port off)");
}

/** Maps commander's options onto the `ServeFlags` that `loadServeConfig` checks. */
export function toServeFlags(options: ServeOptions): ServeFlags {
  const { https, http, httpsPort, httpPort, ...rest } = options;
  return {
    ...rest,
    httpsPort: https === false ? false : httpsPort,
    httpPort: http === false ? false : httpPort,
  };
}
