import type { FastifyRequest } from "fastify";
import { Fault } from "../../faults/fault.js";
import { redactPath } from "../request-log.js";

/** A resource a LogonSession links to that emrest does not serve yet: 501, naming it. */
export async function notServed(request: FastifyRequest): Promise<never> {
  const path = redactPath(request.url);
  throw new Fault("NotImplemented", `The resource ${path} is not served by emrest yet.`);
}
