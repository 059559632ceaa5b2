import type { FastifyRequest } from "fastify";
import { Fault } from "../faults/fault.js";
import { mayRequest } from "../sessions/access.js";
import type { Role, SessionRecord } from "../store/store.js";
import { redactPath } from "./request-log.js";

const TITLES: Record<Role, string> = {
  PortalAdministrator: "A Portal Administrator",
  PortalUser: "A Portal User",
  RestoreOperator: "A Restore Operator",
  None: "An account without a role",
};

// The router tolerates `//` and any casing, so the prefix is taken off the same way.
const API_PREFIX = /^\/+api(?=[/?]|$)/i;

/**
 * Refuses with 403 "Access denied" what the session's role may not do (spec section 8). It
 * runs once the session is known and before the route's methods are looked at, so a client
 * sees 401, then 403, then 404, 405 or 501: a role learns nothing of resources it may not use,
 * not even whether an ID exists there.
 */
export function checkAccess(request: FastifyRequest, session: SessionRecord): void {
  const target = request.url.replace(API_PREFIX, "");
  if (mayRequest(session, request.method, target)) return;

  const path = redactPath(request.url);
  throw new Fault(
    "AccessDenied",
    session.kind === "tenant"
      ? `Access denied. A Cloud Connect tenant may use only /api/cloud and its own logon sessions.`
      : `Access denied. ${TITLES[session.role]} may not ${request.method} ${path}.`,
  );
}
