import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * One line per request: id, method, path, status, milliseconds; 4xx at info, 5xx at error.
 * A SessionId in the path is the token in disguise (the token is its base64), so paths are
 * logged with every GUID cut to its first 8 characters, and the query string is dropped.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => logRequest(request, reply));
}

export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const status = reply.statusCode;
  // The request's child logger already carries reqId.
  const line = {
    method: request.method,
    path: redactPath(request.url),
    status,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
  if (status >= 500) request.log.error(line, "request");
  else request.log.info(line, "request");
}

/**
 * The path for logs and messages. It is decoded first, since the router decodes it too: a
 * GUID written with `%2d` for its dashes still reaches a handler, and must not reach the log.
 */
export function redactPath(url: string): string {
  const raw = url.split("?")[0] ?? "";
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    path = raw;
  }
  return path.replace(GUID, (guid) => `${guid.slice(0, 8)}…`).slice(0, 512);
}
