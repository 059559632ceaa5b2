/**
 * The baseline: a bare node:http server that answers every request with one fixed reply.
 * Run as its own process: `node --import tsx bench/bare-server.ts BODY_FILE CONTENT_TYPE`.
 * It prints its URL on stdout, as `emrest serve` does, and stops on SIGTERM.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const [bodyFile, contentType = "text/plain"] = process.argv.slice(2);
const body = bodyFile ? readFileSync(bodyFile) : Buffer.from("hello\n");

const server = createServer({ keepAliveTimeout: 5_000 }, (_request, response) => {
  response.writeHead(200, { "content-type": contentType, "content-length": body.length });
  response.end(body);
});

server.listen({ port: 0, host: "127.0.0.1" }, () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`http://127.0.0.1:${port}/\n`);
});

process.on("SIGTERM", () => server.close(() => process.exit(0)));
