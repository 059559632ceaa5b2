import type { Task } from "../inventory/model.js";

/** `Running` or `Finished`; EM's third state, `OperationFinished`, has no use here. */
export type TaskState = "Running" | "Finished";

/** What a task shows at `now`: its result only once it has finished (vendor examples). */
export function taskState(
  task: Task,
  now: number,
): { state: TaskState; result: { success: boolean; message: string } | null } {
  if (now < task.finishTime) return { state: "Running", result: null };
  return { state: "Finished", result: { success: task.success, message: task.message } };
}
