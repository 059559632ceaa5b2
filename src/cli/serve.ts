import { Command } from "commander";
import { pino, type Logger } from "pino";
import { loadServeConfig } from "../config.js";
import { startDiagnostics } from "../diagnostics.js";
import { startServer } from "../http/server.js";
import { defaultInventory } from "../inventory/default-inventory.js";
import { ensureAdministrator, type AdministratorOutcome } from "../sessions/bootstrap-admin.js";
import { openStore } from "../store/open-store.js";
import { lowerHelperThreadPriority } from "../thread-priority.js";
import { makeDataDir } from "./cli-store.js";
import type { CliIo } from "./io.js";
import { addServeOptions, toServeFlags, type ServeOptions } from "./serve-options.js";

/** `emrest serve`: the API itself. Prints one URL a line on stdout, logs JSON on stderr. */
export function serveCommand(io: CliIo): Command {
  return addServeOptions(new Command("serve"))
    .description("serve the EM REST API until SIGTERM or SIGINT")
    .action((options: ServeOptions) => serve(io, options));
}

async function serve(io: CliIo, options: ServeOptions): Promise<void> {
  const config = loadServeConfig(toServeFlags(options), io.env);
  const logger = pino({ level: config.logLevel }, pino.destination({ dest: 2, sync: true }));
  await makeDataDir(config.dataDir);
  const store = await openStore(config.store, { dataDir: config.dataDir });

  let server;
  let administrator: AdministratorOutcome | undefined;
  try {
    administrator = await ensureAdministrator(store, config);
    // The small example site makes the first `npm start` show real data (issue 4).
    const inventorySeed = config.emptyInventory ? undefined : () => defaultInventory(Date.now());
    server = await startServer(config, { store, logger, inventorySeed });
  } catch (error) {
    // A password generated before a failed start is shown all the same: it is not made twice.
    if (administrator !== undefined) announce(io, logger, administrator, config.adminPassword);
    await store.close();
    throw error;
  }
  lowerHelperThreadPriority();
  const stopRequested = nextSignal();
  const stopDiagnostics = config.diagnostics ? startDiagnostics(logger) : () => {};
  // The URLs come first, so a script can read them as the first lines, whatever follows.
  for (const url of server.urls) io.stdout.write(`${url}\n`);
  announce(io, logger, administrator, config.adminPassword);
  logger.info({ urls: server.urls, store: store.kind }, "emrest is serving");

  const signal = await stopRequested;
  logger.info({ signal }, "emrest is stopping");
  stopDiagnostics();
  try {
    await server.close();
  } finally {
    await store.close();
  }
  logger.info("emrest stopped");
}

/** The generated password goes to stdout once, never to the log. */
function announce(
  io: CliIo,
  logger: Logger,
  outcome: AdministratorOutcome,
  givenPassword: string | null,
): void {
  if (outcome.kind === "existing") {
    if (givenPassword !== null) {
      logger.warn("the administrator password given is ignored: the store already has accounts");
    }
    return;
  }
  if (outcome.kind === "created") {
    logger.info(
      { userName: outcome.userName },
      "created the administrator with the given password",
    );
    return;
  }

  const saved = outcome.passwordFile === null ? "" : ` (also saved in ${outcome.passwordFile})`;
  io.stdout.write(
    `Created administrator ${outcome.userName} with password ${outcome.password}${saved}\n`,
  );
  if (outcome.writeError !== null) {
    logger.warn({ error: outcome.writeError }, "could not save the initial admin password");
  }
}

/** Resolves on the first SIGTERM or SIGINT; a second one gets Node's default (exit at once). */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      resolve(signal);
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}
