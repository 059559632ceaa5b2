import type { Link, TaskModel } from "../representation.js";

// A Task as EM 12 writes a resource in JSON: own members in XSD order (TaskId, State,
// Operation, Result), then Links, Href, Type, with nulls kept (spec §6). Result is an
// InfoType: its element Message comes before its attribute Success, as PagingInfo's Links
// come before its attributes in the captured QueryResult.

function link(value: Link) {
  return { Rel: value.rel, Href: value.href, Name: value.name, Type: value.type };
}

function task(model: TaskModel) {
  const result = model.result && {
    Message: model.result.message === "" ? null : model.result.message,
    Success: model.result.success,
  };
  return {
    TaskId: model.taskId,
    State: model.state,
    Operation: model.operation,
    Result: result,
    Links: model.links.map(link),
    Href: model.href,
    Type: "Task",
  };
}

export function taskJson(model: TaskModel): string {
  return JSON.stringify(task(model));
}

export function tasksJson(models: TaskModel[]): string {
  return JSON.stringify({ Tasks: models.map(task) });
}
