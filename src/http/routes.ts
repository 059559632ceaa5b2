import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Fault } from "../faults/fault.js";
import { LINKED_RESOURCE_PATHS } from "../sessions/link-sets.js";
import type { HttpContext } from "./context.js";
import { tokenOf } from "./request-credentials.js";
import { anyMethod, type Route } from "./route.js";
import { inventoryRoutes, SERVED_COLLECTIONS } from "./inventory-routes.js";
import { getEntryPoint } from "./handlers/entry-point.js";
import { notServed } from "./handlers/not-served.js";
import {
  currentSession,
  deleteLogonSession,
  getLogonSession,
  listLogonSessions,
  logon,
} from "./handlers/sessions.js";

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

  // Every link a session carries resolves: to 501 until its resource is served, and so do
  // the deeper paths below a served collection that emrest does not serve.
  const pending = LINKED_RESOURCE_PATHS.flatMap((path): Route[] => [
    ...(SERVED_COLLECTIONS.has(path)
      ? []
      : [{ url: `/api/${path}`, authenticated: true, methods: anyMethod(notServed) }]),
    { url: `/api/${path}/*`, authenticated: true, methods: anyMethod(notServed) },
  ]);
  return [...served, ...inventoryRoutes(), ...pending];
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

function allowOf(route: Route): string {
  const methods = Object.keys(route.methods);
  if (route.methods.GET !== undefined && !methods.includes("HEAD")) methods.splice(1, 0, "HEAD");
  return methods.join(", ");
}
