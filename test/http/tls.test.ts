import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { connect, createServer, type ConnectionOptions, type PeerCertificate } from "node:tls";
import { generate } from "selfsigned";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

/** A self-signed pair whose common name tells it apart. */
async function certificate(commonName: string) {
  const notBeforeDate = new Date();
  const notAfterDate = new Date(notBeforeDate.getTime() + 86_400_000);
  const pems = await generate([{ name: "commonName", value: commonName }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate,
  });
  return { cert: pems.cert, key: pems.private };
}

/** The protocol and certificate of a handshake, or the error that ended it. */
function handshake(url: string, options: ConnectionOptions) {
  const { hostname, port } = new URL(url);
  return new Promise<{ protocol?: string | null; peer?: PeerCertificate; error?: Error }>(
    (resolve) => {
      const socket = connect({
        host: hostname,
        port: Number(port),
        rejectUnauthorized: false,
        ...options,
      });
      socket.once("secureConnect", () => {
        resolve({ protocol: socket.getProtocol(), peer: socket.getPeerCertificate() });
        socket.end();
      });
      socket.once("error", (error) => resolve({ error }));
    },
  );
}

// Old protocols need the client's security level lowered, or OpenSSL refuses them itself.
const OLD = { minVersion: "TLSv1", maxVersion: "TLSv1.1", ciphers: "DEFAULT@SECLEVEL=0" } as const;

describe("TLS", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  test("TLS 1.0 and 1.1 are refused, though this client can speak them", async (t) => {
    const control = createServer({
      ...(await certificate("control")),
      ...OLD,
      minVersion: "TLSv1",
    });
    await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
    const port = (control.address() as AddressInfo).port;
    const spoken = await handshake(`https://127.0.0.1:${port}`, OLD);
    control.close();
    if (spoken.error) {
      t.skip(`this OpenSSL cannot speak TLS 1.1 at all: ${spoken.error.message}`);
      return;
    }
    assert.equal(spoken.protocol, "TLSv1.1");

    const refused = await handshake(server.https, OLD);
    assert.ok(refused.error, `handshake succeeded with ${refused.protocol}`);
    assert.match(refused.error.message, /protocol|version/i);
  });

  test("TLS 1.2 and 1.3 are accepted", async () => {
    for (const version of ["TLSv1.2", "TLSv1.3"] as const) {
      const result = await handshake(server.https, { minVersion: version, maxVersion: version });
      assert.equal(result.protocol, version, result.error?.message);
    }
  });

  test("every reply over HTTPS carries HSTS and the other security headers, errors too", async () => {
    for (const path of ["/api/", "/api/logonSessions", "/api/nothing"]) {
      const reply = await send(`${server.https}${path}`);
      assert.equal(reply.headers["strict-transport-security"], "max-age=31536000", path);
      assert.equal(reply.headers["x-content-type-options"], "nosniff", path);
      assert.equal(reply.headers["x-frame-options"], "DENY", path);
      assert.equal(reply.headers["cache-control"], "private", path);
    }
  });
});

describe("the certificate is replaceable without code changes", () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), "emrest-tls-"))));
  after(() => rm(dir, { recursive: true, force: true }));

  test("--tls-cert and --tls-key serve the given pair", async () => {
    const pair = await certificate("given-by-flags.example");
    await writeFile(join(dir, "given.pem"), pair.cert);
    await writeFile(join(dir, "given.key"), pair.key);

    const server = await startTestServer({
      flags: { tlsCert: join(dir, "given.pem"), tlsKey: join(dir, "given.key") },
    });
    try {
      const { peer } = await handshake(server.https, {});
      assert.equal(peer?.subject.CN, "given-by-flags.example");
    } finally {
      await server.close();
    }
  });

  test("a pair put in place of the generated one in the data directory is served on restart", async () => {
    const dataDir = join(dir, "data");
    const first = await startTestServer({ flags: { dataDir } });
    const generated = (await handshake(first.https, {})).peer?.fingerprint256;
    await first.close();
    assert.match(await readFile(join(dataDir, "tls", "cert.pem"), "utf8"), /BEGIN CERTIFICATE/);

    const replacement = await certificate("replaced.example");
    await writeFile(join(dataDir, "tls", "cert.pem"), replacement.cert);
    await writeFile(join(dataDir, "tls", "key.pem"), replacement.key);
    const second = await startTestServer({ flags: { dataDir } });
    try {
      const { peer } = await handshake(second.https, {});
      assert.equal(peer?.subject.CN, "replaced.example");
      assert.notEqual(peer?.fingerprint256, generated);
    } finally {
      await second.close();
    }
  });
});
