import type { Task } from "../inventory/model.js";
import type { InventoryView } from "../inventory/view.js";
import type { Link, TaskModel } from "../representation/representation.js";
import { taskState } from "./task-state.js";

/** The caller's tasks, oldest first; removed ones are left out. */
export function tasksOwnedBy(view: InventoryView, owner: string): Task[] {
  return view
    .all("tasks")
    .filter((task) => task.owner === owner && !task.deleted)
    .sort((a, b) => a.creationTime - b.creationTime || a.id.localeCompare(b.id));
}

/** The caller's task with this ID, or undefined: another session's task is not there for it. */
export function taskOwnedBy(view: InventoryView, owner: string, id: string): Task | undefined {
  const task = view.get("tasks", id);
  return task !== undefined && task.owner === owner && !task.deleted ? task : undefined;
}

/**
 * A task as the API shows it at `now`. Its links are Delete, to itself, and once finished
 * Related, to the job session it started or stopped, as EM links a finished restore task to
 * its restore session (post_vmrestorepoints_id_actionrestore example).
 */
export function taskModel(
  apiBase: string,
  task: Task,
  view: InventoryView,
  now: number,
): TaskModel {
  const href = `${apiBase}tasks/${task.id}`;
  const { state, result } = taskState(task, now);
  const links: Link[] = [{ rel: "Delete", href, name: null, type: "Task" }];
  const related = state === "Finished" ? relatedLink(apiBase, task, view) : undefined;
  if (related) links.push(related);
  return { href, links, taskId: task.id, state, operation: task.operation, result };
}

function relatedLink(apiBase: string, task: Task, view: InventoryView): Link | undefined {
  if (task.jobSessionId === null) return undefined;
  const run = view.get("jobSessions", task.jobSessionId);
  if (run === undefined) return undefined;
  const [path, type] =
    run.kind === "Replica"
      ? ["replicaSessions", "ReplicaJobSession"]
      : ["backupSessions", "BackupJobSession"];
  return { rel: "Related", href: `${apiBase}${path}/${run.id}?format=Entity`, name: null, type };
}
