import type { FastifyRequest } from "fastify";
import { jsonRepresentation } from "../representation/json/json-representation.js";
import type { Representation } from "../representation/representation.js";
import { xmlRepresentation } from "../representation/xml/xml-representation.js";

/**
 * JSON when `Accept` names `application/json` anywhere, XML otherwise: no `Accept`, `*\/*`
 * and anything else get XML, as EM does (spec section 6). We never answer 406.
 */
export function representationFor(request: FastifyRequest): Representation {
  const accept = request.headers.accept;
  return accept !== undefined && /application\/json/i.test(accept)
    ? jsonRepresentation
    : xmlRepresentation;
}
