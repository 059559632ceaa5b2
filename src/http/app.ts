import cookie from "@fastify/cookie";
import { METHODS } from "node:http";
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerFactory,
} from "fastify";
import type { Logger } from "pino";
import { Fault } from "../faults/fault.js";
import type { JsonCasing } from "../representation/json/json-casing.js";
import { cameOverTls } from "./api-base.js";
import type { HttpContext } from "./context.js";
import { sendFault } from "./fault-response.js";
import { logRequest, redactPath, registerRequestLog } from "./request-log.js";
import { registerRoutes } from "./routes.js";
import { handleClientError } from "./client-error.js";

/** Request bodies past this size get 413; the API's own bodies are a few hundred bytes. */
export const BODY_LIMIT = 64 * 1024;

export interface AppOptions {
  context: HttpContext;
  logger: Logger;
  /** EM 12's PascalCase JSON by default, or EM 13's camelCase. */
  jsonCasing?: JsonCasing;
  /** Given by the server so one app can answer on HTTP and HTTPS at once. */
  serverFactory?: FastifyServerFactory;
}

/** Builds the API as a fastify app, without a socket: the server or a test listens. */
export async function createApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      ignoreDuplicateSlashes: true,
      // An ID of any length reaches its route and gets that route's 404: past find-my-way's
      // default of 100 characters it fell through to the catch-all and answered 501. Node's
      // header limit already bounds the whole request line.
      maxParamLength: 16 * 1024,
    },
    requestIdHeader: false,
    serverFactory: options.serverFactory,
    return503OnClosing: true,
    clientErrorHandler: handleClientError,
    frameworkErrors: sendFrameworkFault,
  });

  // Every method Node parses reaches the routes, so WebDAV and other verbs get 405 with
  // `Allow` on a resource that exists, not 404. CONNECT never reaches fastify.
  for (const method of METHODS) {
    if (method === "CONNECT" || app.supportedMethods.includes(method)) continue;
    app.addHttpMethod(method, { hasBody: true });
  }

  // Read where a body is written, fault bodies included (negotiate.ts).
  app.decorate("jsonCasing", options.jsonCasing ?? "pascal");
  await app.register(cookie);
  registerSecurityHeaders(app);
  registerRequestLog(app);

  // Clients send empty logon bodies under any content type, or none: every body is read as
  // bytes, and handlers that take one parse it themselves.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  app.setErrorHandler((error, request, reply) => sendFault(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendFault(
      request,
      reply,
      new Fault("NotFound", `There is no resource at ${redactPath(request.url)}.`),
    ),
  );

  registerRoutes(app, options.context);
  return app;
}

/**
 * The headers EM sends on every reply (spec section 4), HSTS only over HTTPS; and, first of
 * all checks, a refusal of HTTP/1.1 requests without a Host, so that too gets those headers.
 */
function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    setSecurityHeaders(request, reply);
    // RFC 9112 section 3.2: an HTTP/1.1 request without Host is refused.
    if (request.raw.httpVersion === "1.1" && request.headers.host === undefined) {
      throw new Fault("BadRequest", "An HTTP/1.1 request needs a Host header.");
    }
    if (!hasReadableQuery(request.url)) {
      throw new Fault("BadRequest", "The query string is not valid percent-encoded UTF-8.");
    }
  });
}

/**
 * fastify's query parser keeps a bad escape (`%ZZ`, `%C0%AE`) as it came, so a filter would
 * match on text the client never meant; the path's own check answers such escapes with 400.
 */
function hasReadableQuery(url: string): boolean {
  const start = url.indexOf("?");
  if (start < 0 || !url.includes("%", start)) return true;
  try {
    decodeURIComponent(url.slice(start + 1));
    return true;
  } catch {
    return false;
  }
}

function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header("x-content-type-options", "nosniff");
  reply.header("x-frame-options", "DENY");
  reply.header("cache-control", "private");
  if (cameOverTls(request)) {
    reply.header("strict-transport-security", "max-age=31536000");
  }
}

/**
 * A path fastify cannot route (`%zz`, overlong or invalid UTF-8 after decoding, a parameter
 * past its length limit) fails before any hook runs: it gets the same headers, Error body
 * and request-log line as every other reply.
 */
function sendFrameworkFault(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const reason =
    (error as { code?: string }).code === "FST_ERR_BAD_URL"
      ? "is not valid percent-encoded UTF-8"
      : "has a segment that is too long";
  reply.raw.once("finish", () => logRequest(request, reply));
  setSecurityHeaders(request, reply);
  sendFault(request, reply, new Fault("BadRequest", `The request path ${reason}.`));
}
