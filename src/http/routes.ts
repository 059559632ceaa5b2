import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Fault } from "../faults/fault.js";
import { LINKED_RESOURCE_PATHS } from "../sessions/link-sets.js";
import { checkAccess } from "./access-check.js";
import type { HttpContext } from "./context.js";
import { linkFilterFor } from "./link-filter.js";
import { tokenOf } from "./request-credentials.js";
import { anyMethod, type Handler, type Route } from "./route.js";
import { inventoryRoutes, SERVED_COLLECTIONS } from "./inventory-routes.js";
import { getEntryPoint } from "./handlers/entry-point.js";
import { getLookup, getLookupSvc } from "./handlers/lookup.js";
import { postBackupSessionAction, postJobAction } from "./handlers/job-actions.js";
import { notServed } from "./handlers/not-served.js";
import { getQuery, getQuerySvc } from "./handlers/query.js";
import { getSummaryReport, REPORT_FRAME_HANDLERS } from "./handlers/reports.js";
import {
  currentSession,
  deleteLogonSession,
  getLogonSession,
  listLogonSessions,
  logon,
} from "./handlers/sessions.js";
import { deleteTask, getTask, listTasks } from "./handlers/tasks.js";

/** The API surface. Paths match case-insensitively with `//` and trailing slashes tolerated. */
export function apiRoutes(): Route[] {
  const served = servedRoutes();

  // Every link a session carries resolves: to 501 until its resource is served, and so do
  // the deeper paths below a served collection that emrest does not serve.
  const pending = pendingLinkedPaths(served).flatMap((path): Route[] => [
    ...(SERVED_COLLECTIONS.has(path)
      ? []
      : [{ url: `/api/${path}`, authenticated: true, methods: anyMethod(notServed) }]),
    { url: `/api/${path}/*`, authenticated: true, methods: anyMethod(notServed) },
  ]);
  return [...served, ...withActions(inventoryRoutes()), ...pending];
}

// The actions served on objects the inventory routes read (spec §9): POST carries them.
const ACTIONS: Record<string, Handler> = {
  "/api/jobs/:id": postJobAction,
  "/api/backupSessions/:id": postBackupSessionAction,
};

function withActions(routes: Route[]): Route[] {
  return routes.map((route) => {
    const action = ACTIONS[route.url];
    return action ? { ...route, methods: { ...route.methods, POST: action } } : route;
  });
}

function servedRoutes(): Route[] {
  return [
    { url: "/api", authenticated: false, methods: { GET: getEntryPoint } },
    { url: "/api/sessionMngr", authenticated: false, methods: { POST: logon } },
    { url: "/api/logonSessions", authenticated: true, methods: { GET: listLogonSessions } },
    {
      url: "/api/logonSessions/:id",
      authenticated: true,
      methods: { GET: getLogonSession, DELETE: deleteLogonSession },
    },
    { url: "/api/query", authenticated: true, methods: { GET: getQuery } },
    { url: "/api/tasks", authenticated: true, methods: { GET: listTasks } },
    { url: "/api/tasks/:id", authenticated: true, methods: { GET: getTask, DELETE: deleteTask } },
    { url: "/api/querySvc", authenticated: true, methods: { GET: getQuerySvc } },
    { url: "/api/lookupSvc", authenticated: true, methods: { GET: getLookupSvc } },
    { url: "/api/lookup", authenticated: true, methods: { GET: getLookup } },
    { url: "/api/reports/summary", authenticated: true, methods: { GET: getSummaryReport } },
    ...Object.entries(REPORT_FRAME_HANDLERS).map(([path, handler]) => ({
      url: `/api/reports/summary/${path}`,
      authenticated: true,
      methods: { GET: handler },
    })),
  ];
}

/** The paths a LogonSession links to that no served route answers yet. */
export function pendingLinkedPaths(served = servedRoutes()): string[] {
  const urls = new Set(served.map((route) => route.url.toLowerCase()));
  return LINKED_RESOURCE_PATHS.filter((path) => !urls.has(`/api/${path}`.toLowerCase()));
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
    request.linkFilter = linkFilterFor(session.record, context.apiBase(request));
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
