import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { basic, send } from "../helpers/client.js";
import { tempDataDir } from "./run-emrest.js";
import { startServe, type ServeProcess } from "./serve-process.js";

const PASSWORD = "Serve-inventory-pw-1";

/** Logs on as the administrator and reads `path` as JSON. */
async function getJson(served: ServeProcess, path: string): Promise<Record<string, unknown>> {
  const logon = await send(`${served.url}sessionMngr/?v=latest`, {
    method: "POST",
    headers: { Authorization: basic("Administrator", PASSWORD) },
  });
  assert.equal(logon.status, 201, logon.body);
  const token = logon.headers["x-restsvcsessionid"] as string;
  const reply = await send(`${served.url}${path}`, {
    headers: { "X-RestSvcSessionId": token, Accept: "application/json" },
  });
  assert.equal(reply.status, 200, reply.body);
  return JSON.parse(reply.body) as Record<string, unknown>;
}

async function stop(served: ServeProcess): Promise<void> {
  served.child.kill("SIGTERM");
  await served.exited;
}

describe("emrest serve on a store that never had an inventory", () => {
  const dirs: { remove: () => Promise<void> }[] = [];
  after(() => Promise.all(dirs.map((dir) => dir.remove())));

  it("starts with the example site, so jobs and report figures show at once", async () => {
    const data = await tempDataDir();
    dirs.push(data);
    const served = await startServe(data.dir, [], { EMREST_ADMIN_PASSWORD: PASSWORD });
    try {
      const jobs = (await getJson(served, "jobs")).Refs as unknown[];
      assert.equal(jobs.length, 8);
      const overview = await getJson(served, "reports/summary/overview");
      assert.equal(overview.BackupServers, 2);
      assert.equal(overview.ScheduledJobs, 8);
    } finally {
      await stop(served);
    }
  });

  it("starts empty with --empty-inventory", async () => {
    const data = await tempDataDir();
    dirs.push(data);
    const served = await startServe(data.dir, ["--empty-inventory"], {
      EMREST_ADMIN_PASSWORD: PASSWORD,
    });
    try {
      assert.deepEqual((await getJson(served, "jobs")).Refs, []);
      assert.equal((await getJson(served, "reports/summary/overview")).BackupServers, 0);
    } finally {
      await stop(served);
    }
  });
});
