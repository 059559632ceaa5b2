import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import pino from "pino";
import { loadServeConfig } from "../../src/config.js";
import { startServer, type RunningServer } from "../../src/http/server.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";

// Found by trying to break emrest: half a TLS ClientHello held its socket open for Node's
// default two minutes. The limit is shortened to 500 ms here; the default is 10 s.
let running: RunningServer;
let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "emrest-tls-"));
  const config = loadServeConfig({ dataDir, httpsPort: "0", httpPort: "off", domain: "SRV12" }, {});
  running = await startServer(config, {
    store: new MemoryStore(),
    logger: pino({ level: "silent" }),
    limits: { handshakeTimeoutMs: 500 },
  });
});
after(async () => {
  await running.close();
  await rm(dataDir, { recursive: true, force: true });
});

test("a TLS handshake that stalls is cut off after the handshake timeout", async () => {
  const url = new URL(running.urls[0]!);
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01]));
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve());
  });
  const held = Date.now() - started;
  assert.ok(held >= 400 && held < 3_000, `the socket was held ${held} ms`);
});
