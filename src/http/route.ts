import type { FastifyReply, FastifyRequest } from "fastify";
import type { HttpContext } from "./context.js";

export type Handler = (
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) => unknown;

export interface Route {
  url: string;
  /** Whether a logon session is needed before any method of this route is considered. */
  authenticated: boolean;
  /** Handlers by method; a method not listed answers 405 with `Allow`. */
  methods: Partial<Record<string, Handler>>;
}

/** The methods a resource not served yet answers with 501; any other method gets 405. */
const ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

export function anyMethod(handler: Handler): Partial<Record<string, Handler>> {
  return Object.fromEntries(ALL_METHODS.map((method) => [method, handler]));
}
