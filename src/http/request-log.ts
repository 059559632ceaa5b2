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
  const line = {
    reqId: request.id,
    method: request.method,
    path: redactPath(request.url),
    status,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
  if (status >= 500) request.log.error(line, "request");
  else request.log.info(line, "request");
}

export function redactPath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path.replace(GUID, (guid) => `${guid.slice(0, 8)}…`).slice(0, 512);
}
