import type { InventoryKind } from "../inventory/model.js";
import type { InventoryRecord } from "../store/store.js";
import type { ActionPlan } from "./job-actions.js";

function record(kind: InventoryKind, object: { id: string }): InventoryRecord {
  return { kind, id: object.id, body: JSON.stringify(object) };
}

/** The records an action writes, in one store transaction: its sessions, then its task. */
export function planRecords(plan: ActionPlan): InventoryRecord[] {
  return [
    ...plan.jobSessions.map((run) => record("jobSessions", run)),
    ...plan.taskSessions.map((task) => record("taskSessions", task)),
    record("tasks", plan.task),
  ];
}
