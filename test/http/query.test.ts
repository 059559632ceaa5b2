import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";
import { smallInventory } from "../query/small-inventory.js";

describe("GET /api/query", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer({ inventory: smallInventory() });
    await server.addAccount("SRV12\\alice", "a");
    token = (await server.logon("alice", "a")).token;
  });
  after(() => server.close());

  const get = (query: string, accept?: string) =>
    send(`${server.http}/api/query?${query}`, {
      headers: { "x-restsvcsessionid": token, ...(accept ? { accept } : {}) },
    });
  const json = async (query: string) => {
    const reply = await get(query, "application/json");
    return { status: reply.status, body: JSON.parse(reply.body) };
  };

  test("an empty page has EM 12's shape: every Entities member, null but the type's", async () => {
    const capture = JSON.parse(
      readFileSync("test/fixtures/backup_jobs_sessions_metrics_v12.json", "utf8"),
    );
    const filter = encodeURIComponent('CreationTime>="2030-01-01T00:00:00"');
    const { status, body } = await json(`type=BackupJobSession&format=Entities&filter=${filter}`);
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), Object.keys(capture));
    assert.deepEqual(Object.keys(body.Entities), Object.keys(capture.Entities));
    assert.deepEqual(body.Entities.BackupJobSessions, { BackupJobSessions: [] });
    assert.equal(Object.values(body.Entities).filter((member) => member !== null).length, 1);
    assert.deepEqual(body.PagingInfo, {
      Links: ["First", "Last"].map((rel) => ({
        Rel: rel,
        Href: `${server.http}/api/query?type=BackupJobSession&format=Entities&filter=CreationTime%3e%3d%222030-01-01T00%3a00%3a00%22&pageSize=100&page=1`,
        Name: null,
        Type: null,
      })),
      PageNum: 1,
      PageSize: 100,
      PagesCount: 1,
    });
  });

  test("an empty page of references in XML", async () => {
    const reply = await get("type=job&filter=name==nothing&pageSize=5&sortDesc=Name");
    assert.equal(reply.status, 200);
    assert.match(
      reply.body,
      /<QueryResult [^>]*><Refs\/><PagingInfo PageNum="1" PageSize="5" PagesCount="1">/,
    );
    const links = parseXml(reply.body).QueryResult.PagingInfo.Links.Link;
    assert.equal(
      links[0]["@Href"],
      `${server.http}/api/query?type=job&sortDesc=Name&filter=name%3d%3dnothing&pageSize=5&page=1`,
    );
  });

  test("a bad filter is a 400 naming the position and the token, in XML and JSON", async () => {
    const bad = encodeURIComponent("Result==Failed;JobName==Exchange Backup");
    const { status, body } = await json(`type=BackupJobSession&filter=${bad}`);
    assert.equal(status, 400);
    assert.equal(body.StatusCode, 400);
    assert.match(body.Message, /position 34, near 'Backup'.*double quotes/);

    const xml = await get(`type=BackupJobSession&filter=${encodeURIComponent("Reslt==Failed")}`);
    assert.equal(xml.status, 400);
    assert.match(
      parseXml(xml.body).Error["@Message"],
      /position 1: BackupJobSession has no property Reslt/,
    );
  });

  test("bad parameters are 400s that say which", async () => {
    const cases: [string, RegExp][] = [
      ["format=Entities", /needs a type/],
      ["type=Jobs", /no query type "Jobs"/],
      ["type=Job&format=Full", /format must be Refs or Entities/],
      ["type=Job&pageSize=0", /pageSize must be a whole number from 1, not "0"/],
      ["type=Job&page=-2", /page must be a whole number from 1/],
      ["type=Job&sortAsc=Size", /Job has no property "Size" to sort by/],
      ["type=Job&sortAsc=Name&sortDesc=Name", /not both/],
      [
        `type=Repository&filter=${encodeURIComponent("FreeSpace<lots")}`,
        /FreeSpace takes a number, not "lots"/,
      ],
      [
        `type=Repository&filter=${encodeURIComponent("FreeSpace<1e309")}`,
        /FreeSpace takes a number, not "1e309"/,
      ],
      [
        `type=BackupJobSession&filter=${encodeURIComponent("CreationTime>2026-06-15T00:00:00+02:00")}`,
        /must be in UTC/,
      ],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await json(query);
      assert.equal(status, 400, query);
      assert.match(body.Message, message, query);
    }
  });

  test("a vendor type the inventory does not model answers 501", async () => {
    const { status, body } = await json("type=CloudTenant");
    assert.equal(status, 501);
    assert.match(body.Message, /CloudTenant are not served by emrest yet/);
  });

  test("parameter names and values match in any casing", async () => {
    const { status, body } = await json(
      "TYPE=backupjobsession&FORMAT=entities&FILTER=jobname%3d%3dnone&PAGESIZE=7",
    );
    assert.equal(status, 200);
    assert.deepEqual(body.Entities.BackupJobSessions, { BackupJobSessions: [] });
    assert.equal(body.PagingInfo.PageSize, 7);
  });

  test("needs a logon session and answers GET only", async () => {
    assert.equal((await send(`${server.http}/api/query?type=Job`)).status, 401);
    const post = await send(`${server.http}/api/query?type=Job`, {
      method: "POST",
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(post.status, 405);
  });
});
