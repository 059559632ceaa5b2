import type { FastifyReply, FastifyRequest } from "fastify";
import type { Representation } from "../representation/representation.js";
import { Fault } from "../faults/fault.js";
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

/**
 * A query parameter by name in any casing (`?V=latest`). Given twice with the same value, in
 * any casing as values are read (`type=Job&type=job`), it is the first; given with different
 * values (`?page=1&page=2`) it is a 400 rather than a guess.
 */
export function queryParam(request: FastifyRequest, name: string): string | undefined {
  const query = (request.query ?? {}) as Record<string, string | string[] | undefined>;
  const wanted = name.toLowerCase();
  let first: string | undefined;
  for (const [key, value] of Object.entries(query)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      first ??= one;
      if (one.toLowerCase() !== first.toLowerCase()) throw givenTwice(name);
    }
  }
  return first;
}

function givenTwice(name: string): Fault {
  const message = `The query parameter ${name} is given more than once, with different values.`;
  return new Fault("BadRequest", message);
}
