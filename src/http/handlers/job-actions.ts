import type { FastifyReply, FastifyRequest } from "fastify";
import {
  JOB_ACTIONS,
  planJobAction,
  planSessionStop,
  type ActionContext,
  type ActionPlan,
} from "../../actions/job-actions.js";
import { decideAndWrite } from "../../actions/decide-and-write.js";
import { taskModel } from "../../actions/task-model.js";
import { taskOwnerOf } from "../../actions/task-owner.js";
import type { InventoryView } from "../../inventory/view.js";
import type { HttpContext } from "../context.js";
import { sendRepresented } from "../reply.js";
import { notFound } from "../resource-request.js";
import { actionOf, idOf } from "./action-params.js";

// The job actions the vendor documents and emrest does not serve yet (jobs_id).
const JOB_ACTIONS_NOT_YET = ["sync", "clone", "toggleScheduleEnabled"];

/**
 * `POST /api/jobs/{ID}?action=start|stop|retry`: `202 Accepted` and the `Task` that follows
 * the action (post_jobs_id_actionstart, …stop, …retry).
 */
export async function postJobAction(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const action = actionOf(request, JOB_ACTIONS, JOB_ACTIONS_NOT_YET);
  return applyAndAnswer(request, reply, context, (view) => {
    const job = view.get("jobs", idOf(request));
    if (job === undefined) throw notFound("job", idOf(request));
    return planJobAction(job, action, actionContext(request, context, view));
  });
}

/** `POST /api/backupSessions/{ID}?action=stop`: stops one backup job session (202 and a Task). */
export async function postBackupSessionAction(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  actionOf(request, ["stop"], []);
  return applyAndAnswer(request, reply, context, (view) => {
    const run = view.get("jobSessions", idOf(request));
    const job = run && view.get("jobs", run.jobId);
    if (run === undefined || run.kind !== "Backup" || job === undefined) {
      throw notFound("backup job session", idOf(request));
    }
    return planSessionStop(run, job, actionContext(request, context, view));
  });
}

function actionContext(
  request: FastifyRequest,
  context: HttpContext,
  view: InventoryView,
): ActionContext {
  const { record } = request.session!;
  return {
    view,
    now: Date.now(),
    owner: taskOwnerOf(record.keyHash),
    userName: record.userName,
    runLengthMs: context.jobRuns.runLengthMs,
    settleMs: context.jobRuns.taskSettleMs,
  };
}

// The action is in the store, and in this node's view, before the client hears of it: the
// new session is listed at once by the node that answered, and by the others within their
// refresh interval. Reading, deciding and writing take one turn of the action queue, and
// the write lands only if no other node wrote since the reading (see decideAndWrite).
async function applyAndAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
  decide: (view: InventoryView) => ActionPlan,
) {
  const { plan, view } = await context.actions.run(() =>
    decideAndWrite(context.actionInventory, decide),
  );
  const model = taskModel(context.apiBase(request), plan.task, view, Date.now());
  return sendRepresented(request, reply, 202, (representation) => representation.task(model));
}
