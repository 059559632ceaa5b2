import type { Link, TaskModel } from "../representation.js";
import type { Spell } from "./json-casing.js";

// A Task as EM 12 writes a resource in JSON: own members in XSD order (TaskId, State,
// Operation, Result), then Links, Href, Type, with nulls kept (spec §6). Result is an
// InfoType: its element Message comes before its attribute Success, as PagingInfo's Links
// come before its attributes in the captured QueryResult.

/** `Task` and `Tasks`, their names spelled by `spell`. */
export function taskWriter(spell: Spell, link: (value: Link) => unknown) {
  const [id, state, operation, result, message, success, links, href, type, list] = [
    "TaskId",
    "State",
    "Operation",
    "Result",
    "Message",
    "Success",
    "Links",
    "Href",
    "Type",
    "Tasks",
  ].map(spell);

  const task = (model: TaskModel) => {
    const outcome = model.result && {
      [message]: model.result.message === "" ? null : model.result.message,
      [success]: model.result.success,
    };
    return {
      [id]: model.taskId,
      [state]: model.state,
      [operation]: model.operation,
      [result]: outcome,
      [links]: model.links.map(link),
      [href]: model.href,
      [type]: "Task",
    };
  };

  return {
    task: (model: TaskModel) => JSON.stringify(task(model)),
    tasks: (models: TaskModel[]) => JSON.stringify({ [list]: models.map(task) }),
  };
}
