import type { FastifyReply, FastifyRequest } from "fastify";
import type { Representation } from "../representation/representation.js";
import { representationFor } from "./negotiate.js";

/** Sends a body in the representation the request asked for. */
export function sendRepresented(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  render: (representation: Representation) => string,
): FastifyReply {
  const representation = representationFor(request);
  return reply
    .code(status)
    .header("content-type", representation.contentType)
    .send(render(representation));
}

/** A query parameter by name in any casing (`?V=latest`); the first when repeated. */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(query)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
