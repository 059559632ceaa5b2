import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Fault } from "../faults/fault.js";
import { LINKED_RESOURCE_PATHS } from "../sessions/link-sets.js";
import { checkAccess } from "./access-check.js";
import type { HttpContext } from "./context.js";
import { tokenOf } from "./request-credentials.js";
import { getEntryPoint } from "./handlers/entry-point.js";
import { notServed } from "./handlers/not-served.js";
import {
  currentSession,
  deleteLogonSession,
  getLogonSession,
  listLogonSessions,
  logon,
} from "./handlers/sessions.js";

type Handler = (request: FastifyRequest, reply: FastifyReply, context: HttpContext) => unknown;

interface Route {
  url: string;
  /** Whether a logon session is needed before any method of this route is considered. */
  authenticated: boolean;
  /** Handlers by method; a method not listed answers 405 with `Allow`. */
  methods: Partial<Record<string, Handler>>;
}

/** The methods a resource not served yet answers with 501; any other method gets 405. */
const ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

/** The API surface. Paths match case-insensitively with `//` and trailing slashes tolerated. */
export function apiRoutes(): Route[] {
  const served: Route[] = [
    { url: "/api", authenticated: false, methods: { GET: getEntryPoint } },
    { url: "/api/sessionMngr", authenticated: false, methods: { POST: logon } },
    { url: "/api/logonSessions", authenticated: true, methods: { GET: listLogonSessions } },
    {
      url: "/api/logonSessions/:id",
      authenticated: true,
      methods: { GET: getLogonSession, DELETE: deleteLogonSession },
    },
  ];

  // Every link a session carries resolves: to 501 until its resource is served.
  const pending = LINKED_RESOURCE_PATHS.flatMap((path): Route[] => [
    { url: `/api/${path}`, authenticated: true, methods: anyMethod(notServed) },
    { url: `/api/${path}/*`, authenticated: true, methods: anyMethod(notServed) },
  ]);
  return [...served, ...pending];
}

export function registerRoutes(app: FastifyInstance, context: HttpContext): void {
  for (const route of apiRoutes()) {
    app.route({
      method: app.supportedMethods,
      url: route.url,
      handler: (request, reply) => dispatch(route, request, reply, context),
    });
  }
}

async function dispatch(
  route: Route,
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  if (route.authenticated) {
    const session = await currentSession(request, context);
    if (session === undefined) {
      throw tokenOf(request) === undefined
        ? new Fault("Unauthorized", "This resource needs a logon session: send X-RestSvcSessionId.")
        : new Fault("SessionNotFound");
    }
    request.session = session;
    checkAccess(request, session.record);
  }

  // HEAD answers as GET does; Node sends the headers without the body.
  const handler = route.methods[request.method === "HEAD" ? "GET" : request.method];
  if (handler === undefined) {
    const allow = allowOf(route);
    throw new Fault(
      "MethodNotAllowed",
      `${request.method} is not allowed here. Allowed: ${allow}.`,
      { Allow: allow },
    );
  }
  return handler(request, reply, context);
}

function anyMethod(handler: Handler): Partial<Record<string, Handler>> {
  return Object.fromEntries(ALL_METHODS.map((method) => [method, handler]));
}

function allowOf(route: Route): string {
  const methods = Object.keys(route.methods);
  if (route.methods.GET !== undefined && !methods.includes("HEAD")) methods.splice(1, 0, "HEAD");
  return methods.join(", ");
}
