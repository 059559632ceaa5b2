import type { FastifyRequest } from "fastify";
import type { InventoryView } from "../inventory/view.js";
import type { ActiveSession } from "../sessions/session.js";
import type { SessionService } from "../sessions/session-service.js";

/** What every handler may use. */
export interface HttpContext {
  service: SessionService;
  apiBase(request: FastifyRequest): string;
  /** The backup inventory as it stands now. */
  inventory(): InventoryView | Promise<InventoryView>;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The caller's logon session, set before a handler that needs one runs. */
    session?: ActiveSession;
  }
}
