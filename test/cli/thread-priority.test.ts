import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { spawnEmrest, tempDataDir } from "./run-emrest.js";

function niceOf(pid: number, thread: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe("emrest serve's threads", { skip: process.platform !== "linux" && "Linux only" }, () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => (data = await tempDataDir()));
  after(() => data.remove());

  it("leave the event loop at normal priority and put hashing threads at the lowest", async () => {
    const args = ["serve", "--https-port", "off", "--http-port", "0", "--admin-password", "pw"];
    const child = spawnEmrest(args, { EMREST_DATA_DIR: data.dir });
    const exited = new Promise((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.once("data", () => resolve());
      exited.then(() => reject(new Error("serve exited early")));
    });

    const pid = child.pid!;
    const helpers = readdirSync(`/proc/${pid}/task`)
      .map(Number)
      .filter((t) => t !== pid);
    const nice = helpers.map((thread) => niceOf(pid, thread));
    const main = niceOf(pid, pid);
    child.kill("SIGTERM");
    await exited;

    assert.ok(helpers.length >= 4, `only ${helpers.length} helper threads`);
    assert.deepEqual(
      nice,
      helpers.map(() => 19),
    );
    assert.ok(main < 19, `the main thread is at nice ${main}`);
  });
});
