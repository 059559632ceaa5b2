import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { spawnEmrest, tempDataDir } from "./run-emrest.js";

interface Served {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

async function serve(env: Record<string, string>): Promise<Served> {
  const args = ["serve", "--https-port", "off", "--http-port", "0", "--admin-password", "pw"];
  const child = spawnEmrest(args, env);
  let out = "";
  let err = "";
  child.stderr!.on("data", (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve();
    });
    exited.then(() => reject(new Error(`serve exited early: ${err}`)));
  });
  return { child, stderr: () => err, exited };
}

function diagnosticsLines(stderr: string): Record<string, number>[] {
  return stderr
    .split("\n")
    .filter((line) => line.includes('"diagnostics"'))
    .map((line) => JSON.parse(line).diagnostics);
}

async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
}

describe("EMREST_DIAGNOSTICS", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => (data = await tempDataDir()));
  after(() => data.remove());

  it("logs the event-loop delay and memory on SIGUSR2 when switched on", async () => {
    const env = { EMREST_DATA_DIR: data.dir, EMREST_DIAGNOSTICS: "1" };
    const served = await serve(env);
    served.child.kill("SIGUSR2");
    await eventually(() => diagnosticsLines(served.stderr()).length > 0);
    served.child.kill("SIGTERM");
    assert.equal(await served.exited, 0);

    const [line] = diagnosticsLines(served.stderr());
    assert.ok(line, served.stderr());
    assert.ok(line.eventLoopDelayMaxMs >= 0);
    assert.ok(line.rssBytes > 1_000_000);
    assert.ok(line.heapUsedBytes > 0);
  });

  it("leaves SIGUSR2 to Node's default, ending the process, when off", async () => {
    const served = await serve({ EMREST_DATA_DIR: data.dir });
    served.child.kill("SIGUSR2");
    await served.exited;
    assert.equal(served.child.signalCode, "SIGUSR2");
    assert.deepEqual(diagnosticsLines(served.stderr()), []);
  });
});
