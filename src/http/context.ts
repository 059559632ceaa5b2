import type { FastifyRequest } from "fastify";
import type { ActiveSession } from "../sessions/session.js";
import type { SessionService } from "../sessions/session-service.js";

/** What every handler may use. */
export interface HttpContext {
  service: SessionService;
  apiBase(request: FastifyRequest): string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's logon session, set before a handler that needs one runs. */
    session?: ActiveSession;
  }
}
