import type { Link, TaskModel } from "../representation.js";
import {
  XML_DECLARATION,
  element,
  emptyElement,
  textElement,
  type Attributes,
} from "./xml-writer.js";
import { NAMESPACES } from "./xml-namespaces.js";
import { xmlLinks } from "./xml-resource.js";

// XSD TaskType: ResourceType's Href and Type, then Links, TaskId, State, Operation and, once
// finished, Result with its Success attribute and Message (get_tasks_id examples).

function result(model: TaskModel): string {
  if (model.result === null) return "";
  const { success, message } = model.result;
  const content = message === "" ? "" : textElement("Message", message);
  return element("Result", [["Success", String(success)]], content);
}

function task(model: TaskModel, namespaces: Attributes): string {
  const attributes: Attributes = [["Href", model.href], ["Type", "Task"], ...namespaces];
  const content =
    xmlLinks(model.links) +
    textElement("TaskId", model.taskId) +
    textElement("State", model.state) +
    textElement("Operation", model.operation) +
    result(model);
  return element("Task", attributes, content);
}

export function taskXml(model: TaskModel): string {
  return `${XML_DECLARATION}\n${task(model, NAMESPACES)}`;
}

export function tasksXml(models: TaskModel[]): string {
  const content = models.map((model) => task(model, [])).join("");
  return `${XML_DECLARATION}\n${element("Tasks", NAMESPACES, content)}`;
}
