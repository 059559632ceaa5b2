/**
 * A server run with `--json-casing camel` answers every JSON body as EM 13 would spell it; the
 * captured shapes are in captured-replies.test.ts, these are the bodies no capture shows.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { actionSite, NIGHTLY } from "../actions/action-site.js";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";

const LINK = ["rel", "href", "name", "type"];

describe("JSON with --json-casing camel", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer({
      inventory: actionSite(Date.now()),
      flags: { jsonCasing: "camel" },
    });
    await server.addAccount("SRV12\\alice", "a");
    await server.addTenant("ABC Company", "t3nant:pw");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  const call = async (path: string, method = "GET") => {
    const reply = await send(`${server.http}/api/${path}`, {
      method,
      headers: { "x-restsvcsessionid": token, accept: "application/json" },
    });
    return { status: reply.status, body: JSON.parse(reply.body) };
  };

  test("spells a task and the list of tasks in camelCase", async () => {
    const started = await call(`jobs/${NIGHTLY}?action=stop`, "POST");
    assert.equal(started.status, 202);
    const keys = ["taskId", "state", "operation", "result", "links", "href", "type"];
    assert.deepEqual(Object.keys(started.body), keys);
    assert.deepEqual(Object.keys(started.body.links[0]), LINK);

    const { body } = await call("tasks");
    assert.deepEqual(Object.keys(body), ["tasks"]);
    assert.deepEqual(Object.keys(body.tasks[0]), keys);
  });

  test("spells the logon sessions and a list of references in camelCase", async () => {
    const sessions = (await call("logonSessions")).body;
    assert.deepEqual(Object.keys(sessions), ["logonSessions"]);
    const session = sessions.logonSessions[0];
    assert.deepEqual(Object.keys(session), ["userName", "sessionId", "links", "href", "type"]);
    assert.equal(session.sessionId, Buffer.from(token, "base64").toString());
    for (const link of session.links) assert.deepEqual(Object.keys(link), LINK);

    const jobs = (await call("jobs")).body;
    assert.deepEqual(Object.keys(jobs), ["refs"]);
    assert.deepEqual(Object.keys(jobs.refs[0]), ["links", "uid", "name", "href", "type"]);
  });

  test("spells a page of query references and its pagingInfo in camelCase", async () => {
    const { status, body } = await call("query?type=Job&pageSize=1");
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ["refs", "entities", "resources", "links", "pagingInfo"]);
    assert.deepEqual(Object.keys(body.refs), ["refs"]);
    assert.deepEqual(Object.keys(body.refs.refs[0]), ["links", "uid", "name", "href", "type"]);
    const paging = body.pagingInfo;
    assert.deepEqual(Object.keys(paging), ["links", "pageNum", "pageSize", "pagesCount"]);
    assert.deepEqual(Object.keys(paging.links[0]), LINK);
  });

  test("answers a fault with an Error body in camelCase", async () => {
    const { status, body } = await call("noSuchThing");
    assert.equal(status, 404);
    assert.deepEqual(body, {
      firstChanceExceptionMessage: null,
      message: body.message,
      stackTrace: null,
      status: null,
      statusCode: 404,
    });
    assert.equal(typeof body.message, "string");
  });

  test("reads a JSON LoginSpec in either casing", async () => {
    for (const spec of [
      { loginSpec: { tenantCredentials: { username: "ABC Company", password: "t3nant:pw" } } },
      { TenantCredentials: { Username: "ABC Company", Password: "t3nant:pw" } },
    ]) {
      const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(spec),
      });
      assert.equal(reply.status, 201, reply.body);
      assert.equal(JSON.parse(reply.body).userName, "ABC Company");
    }
  });

  test("leaves XML bodies as they are", async () => {
    const reply = await send(`${server.http}/api/`);
    assert.match(reply.headers["content-type"] as string, /xml/);
    assert.match(reply.body, /<EnterpriseManager [^>]*>.*<Links><Link /s);
  });
});
