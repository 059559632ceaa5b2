/**
 * What every inventory resource request checks before anything is looked up: the `format`
 * asked for, that no action is asked for, and that an id has the shape of one.
 */
import type { FastifyRequest } from "fastify";
import { Fault } from "../faults/fault.js";
import type { ResourceContext } from "../resources/resource-kind.js";
import type { HttpContext } from "./context.js";
import { queryParam } from "./reply.js";
import { redactPath } from "./request-log.js";

export type Format = "refs" | "entities";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Echoed values are cut short, so a hostile parameter cannot fill the error message. */
export function shown(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}…` : value;
}

/**
 * References unless `format=Entity` (or `Entities`, any casing: the docs write both,
 * spec section 11). Any other value is refused with 400 rather than guessed at.
 */
export function formatOf(request: FastifyRequest): Format {
  const format = queryParam(request, "format");
  if (format === undefined) return "refs";
  const wanted = format.trim().toLowerCase();
  if (wanted === "entity" || wanted === "entities") return "entities";
  throw new Fault(
    "BadRequest",
    `The format "${shown(format)}" is not supported here. Use format=Entity, or leave it out for references.`,
  );
}

/** Actions (`?action=start`, …) are POSTs emrest does not serve yet: 501, naming the action. */
export function refuseAction(request: FastifyRequest): void {
  const action = queryParam(request, "action");
  if (action === undefined) return;
  const path = redactPath(request.url).split("?")[0];
  throw new Fault(
    "NotImplemented",
    `The action "${shown(action)}" on ${path} is not implemented by emrest yet.`,
  );
}

/** 404 for an id that cannot name anything (not a GUID where GUIDs are used). */
export function checkId(id: string, guid: boolean, what: string): void {
  if (guid && !GUID.test(id)) throw notFound(what, id);
}

export function notFound(what: string, id: string): Fault {
  return new Fault("NotFound", `There is no ${what} with the ID "${shown(id)}".`);
}

export async function resourceContext(
  request: FastifyRequest,
  context: HttpContext,
): Promise<ResourceContext> {
  return { view: await context.inventory(), apiBase: context.apiBase(request), now: Date.now() };
}
