import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import type { Reply, RequestOptions } from "./client.js";

/** A reply read straight off the socket: what the server wrote, byte for byte. */
export interface RawReply {
  /** 0 when the server closed the connection without a status line. */
  status: number;
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>;
  body: string;
  text: string;
}

/**
 * Writes `bytes` on a fresh TCP connection and reads until the server closes it (or
 * `timeoutMs` passes), so requests Node's own client refuses to send can be tried.
 */
export function sendRaw(
  url: string,
  bytes: string | Buffer,
  options: { timeoutMs?: number; localAddress?: string; end?: boolean } = {},
): Promise<RawReply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({
      port: Number(target.port),
      host: target.hostname,
      localAddress: options.localAddress,
    });
    socket.setTimeout(options.timeoutMs ?? 10_000, () => socket.destroy());
    // `end` half-closes after writing, so a request cut short is not waited for.
    socket.on("connect", () => (options.end ? socket.end(bytes) : socket.write(bytes)));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    socket.on("close", () => resolve(parseReply(Buffer.concat(chunks).toString("latin1"))));
  });
}

/** Formats a request with `Connection: close` and the body's `Content-Length`. */
export function formatRequest(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body: string | Buffer = "",
): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const lines = [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1", "Connection: close"];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (bytes.length > 0) lines.push(`Content-Length: ${bytes.length}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), bytes]);
}

export function parseReply(text: string): RawReply {
  const end = text.indexOf("\r\n\r\n");
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine = "", ...headerLines] = head.split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);

  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = end < 0 ? "" : Buffer.from(text.slice(end + 4), "latin1").toString("utf8");
  return { status, headers, body, text };
}

/** Like `send` in client.ts, but from a chosen local address such as 127.0.0.7. */
export function sendFrom(localAddress: string, url: string, options: RequestOptions = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? "GET", headers: options.headers, localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, headers: res.headers, body: raw.toString(), raw });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
