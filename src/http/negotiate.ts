import type { FastifyRequest } from "fastify";
import { filteredRepresentation } from "../representation/filtered-representation.js";
import type { JsonCasing } from "../representation/json/json-casing.js";
import { jsonRepresentationFor } from "../representation/json/json-representation.js";
import type { Representation } from "../representation/representation.js";
import { xmlRepresentation } from "../representation/xml/xml-representation.js";

/**
 * JSON when `Accept` names `application/json` anywhere (EM 9.5 U4 did so even behind XML in
 * the list), unless with `q=0`; XML otherwise: no `Accept`, `*\/*` and anything else get XML,
 * as EM does (spec section 6). We never answer 406. JSON is spelled as the server is set to
 * (`--json-casing`), whatever the request's `?v=`. The links in it are those the caller may
 * follow (see link-filter.ts).
 */
export function representationFor(request: FastifyRequest): Representation {
  const base = representationOf(request.headers.accept, jsonCasingOf(request));
  const keep = request.linkFilter;
  return keep === undefined ? base : filteredRepresentation(base, keep);
}

/** The same choice from a bare `Accept` header, for answers made outside fastify. */
export function representationOf(accept: string | undefined, casing: JsonCasing): Representation {
  const json = accept !== undefined && namesJson(accept);
  return json ? jsonRepresentationFor(casing) : xmlRepresentation;
}

/** How this server spells JSON member names (see `createApp`). */
export function jsonCasingOf(request: FastifyRequest): JsonCasing {
  return request.server.jsonCasing;
}

const JSON_RANGE = /^\s*application\/json\s*(;.*)?$/i;
const ZERO_QUALITY = /;\s*q\s*=\s*0(\.0{0,3})?\s*(;|$)/i;

function namesJson(accept: string): boolean {
  return accept.split(",").some((range) => JSON_RANGE.test(range) && !ZERO_QUALITY.test(range));
}
