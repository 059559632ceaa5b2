import { runCli } from "./cli/main.js";

const args = process.argv.slice(2);
quietWhenReaderLeaves(args[0] === "serve");
process.exitCode = await runCli(args);

/**
 * `emrest inventory show | head -2`: the reader may go before the output ends. A command then
 * stops quietly, as Unix tools do on SIGPIPE, instead of dying on an unhandled EPIPE; a server
 * keeps serving without the stream.
 */
function quietWhenReaderLeaves(keepRunning: boolean): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      if (!keepRunning) process.exit(process.exitCode ?? 0);
    });
  }
}
