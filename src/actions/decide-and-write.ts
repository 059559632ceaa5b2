import { Fault } from "../faults/fault.js";
import type { InventoryView } from "../inventory/view.js";
import type { InventoryRecord, InventoryState } from "../store/store.js";
import type { ActionPlan } from "./job-actions.js";
import { planRecords } from "./plan-records.js";

/** What an action needs of its node's inventory; an `InventorySource` serves it. */
export interface ActionInventory {
  /** The node's view, with the revision it was read at. */
  current(): { view: InventoryView; seen: InventoryState };
  /** Writes only while the store is still at `seen`; null when someone wrote since. */
  putIfUnchanged(records: InventoryRecord[], seen: InventoryState): Promise<InventoryView | null>;
  /** Catches the node's view up with the store. */
  refresh(): Promise<InventoryView>;
}

/**
 * How many times an action decides before it gives up. Each failed try means another write
 * landed meanwhile; with a handful of nodes acting at once, a few tries are plenty.
 */
export const DECISION_TRIES = 10;

/**
 * Decides an action on the node's view and writes the plan only if the store has not moved
 * since that view was read. Otherwise another node (or a write on this one) came first: the
 * view catches up and the action decides again, so a job another node has just started is
 * seen running. The node's `ActionQueue` keeps its own actions apart; this keeps the nodes'.
 */
export async function decideAndWrite(
  inventory: ActionInventory,
  decide: (view: InventoryView) => ActionPlan,
): Promise<{ plan: ActionPlan; view: InventoryView }> {
  for (let tries = 1; ; tries++) {
    const { view, seen } = inventory.current();
    const plan = decide(view);

    const written = await inventory.putIfUnchanged(planRecords(plan), seen);
    if (written) return { plan, view: written };

    if (tries === DECISION_TRIES) throw busy();
    await inventory.refresh();
  }
}

function busy(): Fault {
  const message = "Other actions kept changing the inventory while this one was decided.";
  return new Fault("Overloaded", `${message} Try again shortly.`, { "Retry-After": "1" });
}
