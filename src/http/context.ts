import type { FastifyRequest } from "fastify";
import type { ActionQueue } from "../actions/action-queue.js";
import type { ActionInventory } from "../actions/decide-and-write.js";
import type { InventoryView } from "../inventory/view.js";
import type { LinkFilter } from "../representation/link-pruning.js";
import type { JsonCasing } from "../representation/json/json-casing.js";
import type { ActiveSession } from "../sessions/session.js";
import type { SessionService } from "../sessions/session-service.js";
import type { InventoryRecord } from "../store/store.js";

/** How job actions play out (see `src/actions/`). */
export interface JobRunSettings {
  /** How long a started run lasts; null for as long as the job's recent runs took. */
  runLengthMs: number | null;
  /** How long a task shows Running before it reports how the action went. */
  taskSettleMs: number;
}

/** What every handler may use. */
export interface HttpContext {
  service: SessionService;
  apiBase(request: FastifyRequest): string;
  /**
   * The backup inventory as this node last read it from the store (about a second old at
   * most): a snapshot that does not change under a request, and never waits for the store.
   */
  inventory(): InventoryView | Promise<InventoryView>;
  /**
   * Writes inventory records in one store transaction, and resolves with a view of this node
   * that shows them, so a reply never lags behind its own write.
   */
  putInventory(records: InventoryRecord[]): Promise<InventoryView>;
  /** The inventory as job actions use it: decided on a revision, written only on that one. */
  actionInventory: ActionInventory;
  jobRuns: JobRunSettings;
  /** Where job actions wait their turn, so each decides on what the one before wrote. */
  actions: ActionQueue;
}

declare module "fastify" {
  interface FastifyInstance {
    /** How JSON member names are spelled on this server (`--json-casing`). */
    jsonCasing: JsonCasing;
  }
  interface FastifyRequest {
    /** The caller's logon session, set before a handler that needs one runs. */
    session?: ActiveSession;
    /** Which links this caller's replies keep; unset where every link stays (see link-filter). */
    linkFilter?: LinkFilter;
  }
}
