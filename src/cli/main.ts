import { Command, CommanderError } from "commander";
import { accountsCommand } from "./accounts.js";
import { commanderLine, errorLine, exitCodeOf, EXIT_OK } from "./errors.js";
import { inventoryCommand } from "./inventory.js";
import { processIo, type CliIo } from "./io.js";
import { serveCommand } from "./serve.js";
import { sessionsCommand } from "./sessions.js";
import { tenantsCommand } from "./tenants.js";
import { emrestVersion, versionCommand } from "./version.js";

/**
 * Runs `emrest` with the arguments after the program name and returns the exit code:
 * 0 done, 1 the command could not be done, 2 the command line or configuration is wrong.
 * Every error is one line on stderr; nothing ever prompts.
 */
export async function runCli(args: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(args, { from: "user" });
    return EXIT_OK;
  } catch (error) {
    // Commander has already written its own message (or the help) through configureOutput.
    if (!(error instanceof CommanderError)) io.stderr.write(errorLine(error));
    return exitCodeOf(error);
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command("emrest")
    .description("An open implementation of the Veeam Backup Enterprise Manager REST API")
    .version(`emrest ${emrestVersion()}`, "-V, --version", "print emrest's version")
    .addCommand(serveCommand(io))
    .addCommand(accountsCommand(io))
    .addCommand(tenantsCommand(io))
    .addCommand(sessionsCommand(io))
    .addCommand(inventoryCommand(io))
    .addCommand(versionCommand(io));

  configure(program, io);
  return program;
}

/** Every command writes through `io`, throws instead of exiting, and says errors in a line. */
function configure(command: Command, io: CliIo): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    // Commander writes the whole help on stderr only when a group is given no command.
    writeErr: (text) => io.stderr.write(text.startsWith("Usage:") ? noCommandLine(command) : text),
    outputError: (text, write) => write(commanderLine(text)),
  });
  for (const sub of command.commands) configure(sub, io);
}

/** `emrest accounts` alone: one line naming the commands, as every other error is. */
function noCommandLine(group: Command): string {
  const path: string[] = [];
  for (let c: Command | null = group; c !== null; c = c.parent) path.unshift(c.name());
  const names = group.commands.map((sub) => sub.name()).join(", ");
  const what = path.length === 1 ? "give a command" : `${path.slice(1).join(" ")} needs a command`;
  return `emrest: ${what}: ${names} (see ${path.join(" ")} --help)\n`;
}
