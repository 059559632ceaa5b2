import { mkdir } from "node:fs/promises";
import type { Command } from "commander";
import { DEFAULTS, loadServeConfig } from "../config.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { CommandFailed, UsageError } from "./errors.js";
import type { CliIo } from "./io.js";
import { withDefault } from "./option-help.js";

/** The flags every store-using command (all but `serve` and `version`) takes. */
export interface StoreFlags {
  dataDir?: string;
  store?: string;
  domain?: string;
}

export interface StoreSettings {
  dataDir: string;
  store: string;
  /** The domain of bare user names, as `serve` resolves it. */
  domain: string;
}

export function addStoreOptions(command: Command): Command {
  return command
    .option(
      "--data-dir <dir>",
      withDefault("directory holding the SQLite database", DEFAULTS.dataDir, "EMREST_DATA_DIR"),
    )
    .option(
      "--store <url>",
      withDefault("sqlite:PATH, postgres://… or redis://…", DEFAULTS.store, "EMREST_STORE"),
    );
}

export function addDomainOption(command: Command): Command {
  return command.option(
    "--domain <domain>",
    withDefault("domain of a bare user name", "this host's name, upper-cased", "EMREST_DOMAIN"),
  );
}

/**
 * Resolves the store and domain exactly as `serve` would, so `accounts add` and a running
 * server agree. Only the three variables these commands use are read from the environment,
 * so a bad port variable meant for `serve` does not stop `accounts list`.
 */
export function resolveStoreSettings(flags: StoreFlags, env: NodeJS.ProcessEnv): StoreSettings {
  const { EMREST_DATA_DIR, EMREST_STORE, EMREST_DOMAIN } = env;
  const config = loadServeConfig(
    { dataDir: flags.dataDir, store: flags.store, domain: flags.domain },
    { EMREST_DATA_DIR, EMREST_STORE, EMREST_DOMAIN },
  );
  if (config.store.startsWith("memory:")) {
    throw new UsageError("the memory: store lives inside one `emrest serve`; choose another");
  }
  return { dataDir: config.dataDir, store: config.store, domain: config.domain };
}

/** Opens the store named by the flags, runs `work`, and always closes the store. */
export async function withStore<T>(
  flags: StoreFlags,
  io: CliIo,
  work: (store: Store, settings: StoreSettings) => Promise<T>,
): Promise<T> {
  const settings = resolveStoreSettings(flags, io.env);
  await makeDataDir(settings.dataDir);

  const store = await openStore(settings.store, { dataDir: settings.dataDir });
  try {
    return await work(store, settings);
  } finally {
    await store.close();
  }
}

/** Creates the data directory (0700: it holds the database and the admin password). */
export async function makeDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CommandFailed(`cannot create the data directory ${dir}: ${reason}`);
  }
}
