import type { FastifyReply, FastifyRequest } from "fastify";
import { answerQuery } from "../../query/answer-query.js";
import { objectWriterFor } from "../../query/object-writers.js";
import type { QueryParameters } from "../../query/query-request.js";
import { querySvcLinks } from "../../query/query-svc.js";
import type { HttpContext } from "../context.js";
import { jsonCasingOf, representationFor } from "../negotiate.js";
import { queryParam, sendRepresented } from "../reply.js";
import { sessionHref } from "./lookup.js";

const PARAMETERS = ["type", "format", "filter", "sortAsc", "sortDesc", "pageSize", "page"] as const;

/** `GET /api/query?type=…`: one page of a type's objects, filtered and sorted (spec section 9). */
export async function getQuery(request: FastifyRequest, reply: FastifyReply, context: HttpContext) {
  const given: QueryParameters = {};
  for (const name of PARAMETERS) given[name] = queryParam(request, name);

  const model = answerQuery(await context.inventory(), given, {
    apiBase: context.apiBase(request),
    now: Date.now(),
    write: objectWriterFor(
      representationFor(request).name,
      jsonCasingOf(request),
      request.linkFilter,
    ),
  });
  return sendRepresented(request, reply, 200, (representation) =>
    representation.queryResult(model),
  );
}

/** `GET /api/querySvc`: Up to the caller's logon session, then the preset queries. */
export async function getQuerySvc(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const apiBase = context.apiBase(request);
  const links = querySvcLinks(apiBase, sessionHref(apiBase, request));
  return sendRepresented(request, reply, 200, (representation) =>
    representation.service("QuerySvc", `${apiBase}querySvc`, links),
  );
}
