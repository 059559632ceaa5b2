import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

const FRAMES = [
  ["Overview", "overview"],
  ["VmsOverview", "vms_overview"],
  ["JobStatistics", "job_statistics"],
  ["ProcessedVms", "processed_vms"],
  ["Repositories", "repository"],
];

describe("GET /api/reports/summary", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  function get(path: string, headers: Record<string, string> = {}) {
    return send(`${server.http}${path}`, { headers: { "x-restsvcsessionid": token, ...headers } });
  }

  test("answers the SummaryReport with a Down link to each of the five frames, in XML", async () => {
    const reply = await get("/api/reports/summary");

    assert.equal(reply.status, 200);
    assert.match(String(reply.headers["content-type"]), /^application\/xml/);
    const root = parseXml(reply.body).SummaryReport;
    assert.equal(root["@xmlns"], "http://www.veeam.com/ent/v1.0");
    // The vendor's examples carry no Href or Type on the report and no Up link.
    assert.equal(root["@Href"], undefined);
    assert.deepEqual(
      root.Links.Link.map((link: Record<string, string>) => [
        link["@Rel"],
        link["@Type"],
        link["@Name"],
        link["@Href"],
      ]),
      FRAMES.map(([name, path]) => [
        "Down",
        "ReportFrame",
        name,
        `${server.http}/api/reports/summary/${path}`,
      ]),
    );
  });

  test("in JSON has Links, then Href and Type left null, as EM 12 writes reports", async () => {
    const reply = await get("/api/reports/summary", { accept: "application/json" });

    const body = JSON.parse(reply.body);
    assert.deepEqual(Object.keys(body), ["Links", "Href", "Type"]);
    assert.equal(body.Href, null);
    assert.equal(body.Type, null);
    assert.deepEqual(Object.keys(body.Links[0]), ["Rel", "Href", "Name", "Type"]);
    assert.deepEqual(
      body.Links.map((link: Record<string, string>) => link.Name),
      FRAMES.map(([name]) => name),
    );
  });

  test("is where the LogonSession's Report link leads, and every frame it links to answers", async () => {
    const logon = await server.logon("alice", "a");
    const links = parseXml(logon.body).LogonSession.Links.Link as Record<string, string>[];
    const report = links.find((link) => link["@Type"] === "Report")!;

    const summary = await send(report["@Href"], { headers: { "x-restsvcsessionid": logon.token } });
    assert.equal(summary.status, 200);
    for (const link of parseXml(summary.body).SummaryReport.Links.Link) {
      const frame = await send(link["@Href"], { headers: { "x-restsvcsessionid": logon.token } });
      assert.equal(frame.status, 200, link["@Href"]);
    }
  });

  test("needs a logon session", async () => {
    for (const path of ["/api/reports/summary", "/api/reports/summary/overview"]) {
      const reply = await send(`${server.http}${path}`);
      assert.equal(reply.status, 401, path);
      assert.ok(parseXml(reply.body).Error, path);
    }
  });

  test("allows only GET and HEAD, on the summary and on each frame", async () => {
    for (const path of ["/api/reports/summary", "/api/reports/summary/job_statistics"]) {
      const reply = await send(`${server.http}${path}`, {
        method: "POST",
        headers: { "x-restsvcsessionid": token },
      });
      assert.equal(reply.status, 405, path);
      assert.equal(reply.headers.allow, "GET, HEAD");

      const head = await send(`${server.http}${path}`, {
        method: "HEAD",
        headers: { "x-restsvcsessionid": token },
      });
      assert.equal(head.status, 200, path);
    }
  });

  test("answers 404, not 501, for a frame that does not exist", async () => {
    const reply = await get("/api/reports/summary/backups");
    assert.equal(reply.status, 404);
    assert.equal(parseXml(reply.body).Error["@StatusCode"], "404");
  });

  test("matches paths in any case, with a trailing slash", async () => {
    for (const path of ["/api/Reports/Summary/", "/api/reports/summary/VMS_OVERVIEW/"]) {
      assert.equal((await get(path)).status, 200, path);
    }
  });
});
