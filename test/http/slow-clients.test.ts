import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pino from "pino";
import { loadServeConfig } from "../../src/config.js";
import { startServer, type RunningServer } from "../../src/http/server.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { send } from "../helpers/client.js";
import { parseReply, type RawReply } from "../helpers/raw-http.js";
import { parseXml } from "../helpers/xml.js";

/**
 * Clients that connect and then dawdle are cut off with a 408 Error. The limits are
 * shortened here (headers 500 ms, whole request 1.5 s) so the test runs in seconds; the
 * defaults are 10 s and 30 s.
 */
describe("slow clients", () => {
  let running: RunningServer;
  let dataDir: string;
  let url: URL;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "emrest-slow-"));
    const config = loadServeConfig(
      { dataDir, httpsPort: "off", httpPort: "0", domain: "SRV12" },
      {},
    );
    running = await startServer(config, {
      store: new MemoryStore(),
      logger: pino({ level: "silent" }),
      limits: { headersTimeoutMs: 500, requestTimeoutMs: 1_500 },
    });
    url = new URL(running.urls[0]!);
  });
  after(async () => {
    await running.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Connects, runs `dawdle`, and resolves with what the server said before it hung up. */
  function dawdle(steps: (socket: Socket) => void): Promise<RawReply & { ms: number }> {
    return new Promise((resolve) => {
      const start = Date.now();
      const socket = connect(Number(url.port), url.hostname, () => steps(socket));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString("latin1")));
      socket.on("error", () => {});
      socket.on("close", () => resolve({ ...parseReply(text), ms: Date.now() - start }));
    });
  }

  const trickle = (socket: Socket, byte: string) => {
    const timer = setInterval(() => socket.writable && socket.write(byte), 100);
    socket.on("close", () => clearInterval(timer));
  };

  function assertTimedOut(reply: RawReply & { ms: number }, withinMs: number) {
    assert.equal(reply.status, 408, reply.text);
    assert.equal(parseXml(reply.body).Error["@StatusCode"], "408");
    assert.ok(reply.ms < withinMs, `cut off after ${reply.ms} ms`);
  }

  test("a connection that sends nothing is closed with 408 after the header timeout", async () => {
    assertTimedOut(await dawdle(() => {}), 1_500);
  });

  test("headers sent a byte at a time are cut off with 408, however steady", async () => {
    const reply = await dawdle((socket) => {
      socket.write("GET /api/ HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      trickle(socket, "a");
    });
    assertTimedOut(reply, 1_500);
  });

  test("a body that stalls, or trickles, is cut off with 408 after the request timeout", async () => {
    const head = "POST /api/sessionMngr HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n";
    assertTimedOut(await dawdle((socket) => socket.write(`${head}0123456789`)), 3_000);
    assertTimedOut(await dawdle((socket) => (socket.write(head), trickle(socket, " "))), 3_000);
  });

  test("other clients are served at once while slow ones hold their sockets", async () => {
    const slow = Array.from({ length: 20 }, () =>
      dawdle((socket) => (socket.write("GET /api/ HTTP/1.1\r\n"), trickle(socket, "x"))),
    );
    const start = Date.now();
    assert.equal((await send(`${url.origin}/api/`)).status, 200);
    assert.ok(Date.now() - start < 400);
    for (const reply of await Promise.all(slow)) assert.equal(reply.status, 408);
  });
});
