import type { FastifyReply, FastifyRequest } from "fastify";
import { taskModel, taskOwnedBy, tasksOwnedBy } from "../../actions/task-model.js";
import { taskOwnerOf } from "../../actions/task-owner.js";
import { Fault } from "../../faults/fault.js";
import type { Task } from "../../inventory/model.js";
import type { InventoryView } from "../../inventory/view.js";
import type { HttpContext } from "../context.js";
import { sendRepresented } from "../reply.js";
import { shown } from "../resource-request.js";
import { idOf } from "./action-params.js";

/** `GET /api/tasks`: the tasks of the caller's logon session, oldest first (tasks). */
export async function listTasks(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const view = await context.inventory();
  const apiBase = context.apiBase(request);
  const now = Date.now();
  const models = tasksOwnedBy(view, ownerOf(request)).map((task) =>
    taskModel(apiBase, task, view, now),
  );
  return sendRepresented(request, reply, 200, (representation) => representation.tasks(models));
}

/** `GET /api/tasks/{ID}`: one task of the caller's logon session (get_tasks_id). */
export async function getTask(request: FastifyRequest, reply: FastifyReply, context: HttpContext) {
  const view = await context.inventory();
  const model = taskModel(context.apiBase(request), ownTask(request, view), view, Date.now());
  return sendRepresented(request, reply, 200, (representation) => representation.task(model));
}

/** `DELETE /api/tasks/{ID}`: removes the task from the caller's list, `204` (delete_task_id). */
export async function deleteTask(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const task = ownTask(request, await context.inventory());
  const removed: Task = { ...task, deleted: true };
  await context.putInventory([{ kind: "tasks", id: task.id, body: JSON.stringify(removed) }]);
  return reply.code(204).send();
}

function ownerOf(request: FastifyRequest): string {
  return taskOwnerOf(request.session!.record.keyHash);
}

// Another session's task answers as one that does not exist: EM scopes tasks to the logon
// session (tasks), and an ID must not tell a caller that someone else is at work.
function ownTask(request: FastifyRequest, view: InventoryView): Task {
  const task = taskOwnedBy(view, ownerOf(request), idOf(request));
  if (task === undefined) {
    throw new Fault(
      "NotFound",
      `There is no task with ID ${shown(idOf(request))} in this logon session.`,
    );
  }
  return task;
}
