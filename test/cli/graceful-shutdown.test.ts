import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { basic, send } from "../helpers/client.js";
import { parseReply } from "../helpers/raw-http.js";
import { tempDataDir } from "./run-emrest.js";
import { startServe } from "./serve-process.js";

/** A logon whose 10-byte (blank) body is sent in two halves, so it can be held in flight. */
function openLogon(url: string): Promise<{ socket: Socket; reply: Promise<string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        "POST /api/sessionMngr/?v=latest HTTP/1.1\r\nHost: x\r\n" +
          `Authorization: ${basic("Administrator", "gr4ce-pw")}\r\n` +
          "Content-Length: 10\r\n\r\n     ",
      );
      let text = "";
      socket.on("data", (chunk) => (text += chunk));
      socket.on("error", () => {});
      const reply = new Promise<string>((done) => socket.on("close", () => done(text)));
      resolve({ socket, reply });
    });
  });
}

function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.on("connect", () => (socket.destroy(), resolve(false)));
    socket.on("error", () => resolve(true));
  });
}

describe("on SIGTERM emrest serve shuts down gracefully", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => (data = await tempDataDir()));
  after(() => data.remove());

  it("stops accepting, finishes the request in flight, and closes the store cleanly", async () => {
    const served = await startServe(data.dir, ["--admin-password", "gr4ce-pw"]);
    const inFlight = await openLogon(served.url);
    await sleep(200);

    served.child.kill("SIGTERM");
    await sleep(300);
    assert.equal(await refusesConnections(served.url), true, "still accepting after SIGTERM");

    inFlight.socket.write("     ");
    const reply = parseReply(await inFlight.reply);
    assert.equal(reply.status, 201, reply.text);
    assert.equal(await served.exited, 0);
    assert.ok(served.logs().some((line) => line.msg === "emrest stopped"));

    // A clean close checkpoints SQLite's write-ahead log into the database and removes it.
    await assert.rejects(stat(join(data.dir, "emrest.db-wal")), { code: "ENOENT" });

    const again = await startServe(data.dir);
    try {
      const check = await send(`${again.url}logonSessions`, {
        headers: { "x-restsvcsessionid": reply.headers["x-restsvcsessionid"]! },
      });
      assert.equal(check.status, 200, "the session answered during shutdown was kept");
    } finally {
      again.child.kill("SIGTERM");
      assert.equal(await again.exited, 0);
    }
  });

  it("cuts a request that does not finish once the grace period (5 s) is over", async () => {
    const served = await startServe(data.dir);
    const stuck = await openLogon(served.url);
    await sleep(200);

    const start = Date.now();
    served.child.kill("SIGTERM");
    assert.equal(await served.exited, 0);
    const took = Date.now() - start;
    assert.ok(took >= 4_500 && took < 8_000, `stopped after ${took} ms`);
    assert.equal(parseReply(await stuck.reply).status, 0, "the stuck request got no reply");
  });
});
