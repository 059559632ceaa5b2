import type { FastifyReply, FastifyRequest } from "fastify";
import type { FaultName } from "../faults/catalogue.js";
import { Fault } from "../faults/fault.js";
import { StoreUnavailable } from "../store/store.js";
import { representationFor } from "./negotiate.js";

/** EM writes the realm exactly this way: capital R, unquoted (spec section 2). */
export const WWW_AUTHENTICATE = "Basic Realm=RestSvc";

/** The only place a fault becomes a status and an `Error` body. */
export function sendFault(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  const fault = toFault(error);
  // A fault raised on purpose (501, 503 Overloaded) is no surprise; anything else is logged whole.
  if (fault.status >= 500 && !(error instanceof Fault)) {
    request.log.error(
      { err: error },
      fault.fault === "StoreUnavailable" ? "store unavailable" : "request failed",
    );
  }

  const representation = representationFor(request);
  if (fault.status === 401) reply.header("www-authenticate", WWW_AUTHENTICATE);
  if (fault.status === 503) reply.header("retry-after", "5");
  for (const [name, value] of Object.entries(fault.headers)) reply.header(name, value);

  return reply
    .code(fault.status)
    .header("content-type", representation.contentType)
    .send(representation.error({ message: fault.message, statusCode: fault.status }));
}

/** Maps anything thrown to a catalogue fault; what is not one becomes a plain 500. */
export function toFault(error: unknown): Fault {
  if (error instanceof Fault) return error;
  if (error instanceof StoreUnavailable) return new Fault("StoreUnavailable");

  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    // Framework-level rejections (a body past the limit, bad URL encoding, aborted bodies):
    // say what, not how.
    return new Fault(faultForStatus(status));
  }
  return new Fault("InternalError");
}

/** The plain fault for a status; a 400 is `BadRequest`, never a more particular one. */
const GENERIC: Partial<Record<number, FaultName>> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "AccessDenied",
  404: "NotFound",
  405: "MethodNotAllowed",
  408: "RequestTimeout",
  413: "BodyTooLarge",
  431: "HeadersTooLarge",
};

function faultForStatus(status: number): FaultName {
  return GENERIC[status] ?? "BadRequest";
}
