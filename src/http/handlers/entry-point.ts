import type { FastifyReply, FastifyRequest } from "fastify";
import { entryPointModel } from "../../sessions/link-sets.js";
import type { HttpContext } from "../context.js";
import { sendRepresented } from "../reply.js";

/** `GET /api/`: the `EnterpriseManager` entry point, served without authentication. */
export async function getEntryPoint(request: FastifyRequest, reply: FastifyReply, context: HttpContext) {
  const model = entryPointModel(context.apiBase(request));
  return sendRepresented(request, reply, 200, (representation) => representation.entryPoint(model));
}
