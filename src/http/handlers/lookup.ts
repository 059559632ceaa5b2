import type { FastifyReply, FastifyRequest } from "fastify";
import { lookUp, lookupSvcLinks } from "../../lookup/lookup.js";
import type { HttpContext } from "../context.js";
import { queryParam, sendRepresented } from "../reply.js";

/** `GET /api/lookupSvc`: Up to the caller's logon session, then one lookup per hierarchy root. */
export async function getLookupSvc(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const apiBase = context.apiBase(request);
  const links = lookupSvcLinks(apiBase, sessionHref(apiBase, request), await context.inventory());
  return sendRepresented(request, reply, 200, (representation) =>
    representation.service("LookupSvc", `${apiBase}lookupSvc`, links),
  );
}

/** `GET /api/lookup?host=…&name=…&type=…` or `?hierarchyRef=…`: HierarchyItems. */
export async function getLookup(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const items = lookUp(await context.inventory(), {
    host: queryParam(request, "host"),
    name: queryParam(request, "name"),
    type: queryParam(request, "type"),
    hierarchyRef: queryParam(request, "hierarchyRef"),
  });
  return sendRepresented(request, reply, 200, (representation) =>
    representation.hierarchyItems(items),
  );
}

/** The caller's own logon session, which the services link Up to. */
export function sessionHref(apiBase: string, request: FastifyRequest): string {
  return `${apiBase}logonSessions/${request.session!.sessionId}`;
}
