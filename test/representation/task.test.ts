import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { XMLValidator } from "fast-xml-parser";
import { jsonRepresentation as json } from "../../src/representation/json/json-representation.js";
import type { TaskModel } from "../../src/representation/representation.js";
import { xmlRepresentation as xml } from "../../src/representation/xml/xml-representation.js";

const HREF = "https://em.example.com:9398/api/tasks/task-7";
const DELETE = { rel: "Delete", href: HREF, name: null, type: "Task" };
const RELATED = {
  rel: "Related",
  href: "https://em.example.com:9398/api/backupSessions/1b2c?format=Entity",
  name: null,
  type: "BackupJobSession",
};

const running: TaskModel = {
  href: HREF,
  links: [DELETE],
  taskId: "task-7",
  state: "Running",
  operation: "StartJob",
  result: null,
};

const finished: TaskModel = {
  ...running,
  links: [DELETE, RELATED],
  state: "Finished",
  result: { success: true, message: 'Job "A & B" started.' },
};

describe("a Task in JSON", () => {
  test("lists TaskId, State, Operation, Result, Links, Href, Type, with a null Result while running", () => {
    assert.equal(
      json.task(running),
      '{"TaskId":"task-7","State":"Running","Operation":"StartJob","Result":null,' +
        `"Links":[{"Rel":"Delete","Href":"${HREF}","Name":null,"Type":"Task"}],` +
        `"Href":"${HREF}","Type":"Task"}`,
    );
  });

  test("gives a finished task's Result as Message then Success", () => {
    const body = JSON.parse(json.task(finished));
    assert.deepEqual(Object.keys(body.Result), ["Message", "Success"]);
    assert.deepEqual(body.Result, { Message: 'Job "A & B" started.', Success: true });
    assert.deepEqual(
      body.Links.map((l: { Rel: string }) => l.Rel),
      ["Delete", "Related"],
    );
  });

  test("wraps a list in Tasks", () => {
    const body = JSON.parse(json.tasks([running, finished]));
    assert.deepEqual(Object.keys(body), ["Tasks"]);
    assert.deepEqual(
      body.Tasks.map((t: { State: string }) => t.State),
      ["Running", "Finished"],
    );
    assert.equal(json.tasks([]), '{"Tasks":[]}');
  });
});

describe("a Task in XML", () => {
  test("has Href and Type on the root, then Links, TaskId, State, Operation", () => {
    const body = xml.task(running);
    assert.equal(XMLValidator.validate(body), true);
    assert.equal(
      body,
      '<?xml version="1.0" encoding="utf-8"?>\n' +
        `<Task Href="${HREF}" Type="Task" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ` +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.veeam.com/ent/v1.0">' +
        `<Links><Link Href="${HREF}" Type="Task" Rel="Delete"/></Links>` +
        "<TaskId>task-7</TaskId><State>Running</State><Operation>StartJob</Operation></Task>",
    );
  });

  test("ends a finished task with its Result, Success as an attribute and the message escaped", () => {
    const body = xml.task(finished);
    assert.equal(XMLValidator.validate(body), true);
    assert.ok(
      body.endsWith(
        '<Result Success="true"><Message>Job "A &amp; B" started.</Message></Result></Task>',
      ),
    );
    assert.ok(body.includes(`Type="BackupJobSession" Rel="Related"/>`));
  });

  test("lists tasks in Tasks, the namespaces on the list only", () => {
    const body = xml.tasks([running, finished]);
    assert.equal(XMLValidator.validate(body), true);
    assert.match(body, /^<\?xml[^>]*>\n<Tasks xmlns:xsd="[^"]+" xmlns:xsi="[^"]+" xmlns="[^"]+">/);
    assert.equal(body.match(/<Task Href="[^"]+" Type="Task">/g)?.length, 2);
  });
});
