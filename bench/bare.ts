import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "./emrest-process.js";
import { spawnPinned, stopPinned } from "./processes.js";

export interface BareServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the baseline on the server core: a bare node:http server answering every request
 * with `body` as `contentType`, the very bytes emrest sends for the scenario it stands for.
 */
export async function startBare(
  dir: string,
  name: string,
  reply: { body: Buffer; contentType: string },
): Promise<BareServer> {
  const bodyFile = join(dir, `${name}.body`);
  writeFileSync(bodyFile, reply.body);
  const script = join(REPO, "bench/bare-server.ts");
  const pinned = spawnPinned(["--import", "tsx", script, bodyFile, reply.contentType], {
    logFile: join(dir, `${name}.log`),
  });
  return { url: await pinned.firstLine, pid: pinned.pid, stop: () => stopPinned(pinned) };
}
