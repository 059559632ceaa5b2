import type { FastifyRequest } from "fastify";
import { Fault } from "../../faults/fault.js";
import { queryParam } from "../reply.js";
import { shown } from "../resource-request.js";

/** The `{ID}` of the path. */
export function idOf(request: FastifyRequest): string {
  return (request.params as { id?: string }).id ?? "";
}

/**
 * The `?action=` of a POST, matched in any casing (spec §11). One we serve is returned; one
 * the vendor has on this resource and we do not serve yet is 501; anything else is 400, named.
 */
export function actionOf<A extends string>(
  request: FastifyRequest,
  served: readonly A[],
  notYet: readonly string[],
): A {
  const given = queryParam(request, "action");
  const choices = served.map((action) => `action=${action}`).join(", ");
  if (given === undefined || given === "") {
    throw new Fault("BadRequest", `POST here needs an action: ${choices}.`);
  }

  const wanted = given.toLowerCase();
  const action = served.find((name) => name.toLowerCase() === wanted);
  if (action !== undefined) return action;
  if (notYet.some((name) => name.toLowerCase() === wanted)) {
    throw new Fault("NotImplemented", `The action "${shown(given)}" is not served by emrest yet.`);
  }
  throw new Fault("BadRequest", `There is no action "${shown(given)}" here. Use ${choices}.`);
}
