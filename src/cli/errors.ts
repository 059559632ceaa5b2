import { CommanderError } from "commander";
import { ConfigError } from "../config.js";
import { AlreadyExists, StoreUnavailable } from "../store/store.js";

/** Exit codes scripts can rely on. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** What the user typed (an argument, a flag, stdin) cannot be used: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The command was well formed but could not be done (unknown name, duplicate): exit 1. */
export class CommandFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandFailed";
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander uses 0 for --help and --version, and 1 for every parsing error.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT_USAGE;
  return EXIT_FAILED;
}

/** The one line printed on stderr for an error: no stack trace, no second line. */
export function errorLine(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof StoreUnavailable) message = `the store is unavailable: ${message}`;
  if (error instanceof AlreadyExists) message = message || "it already exists";
  return `emrest: ${oneLine(message)}\n`;
}

/** Commander writes "error: …" and sometimes a suggestion on a second line. */
export function commanderLine(text: string): string {
  return `emrest: ${oneLine(text.replace(/^error:\s*/, ""))}\n`;
}

function oneLine(text: string): string {
  return text.trim().replace(/\s*\n\s*/g, " ") || "unknown error";
}
