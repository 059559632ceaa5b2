import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";
import { id, smallInventory } from "../query/small-inventory.js";

const VCENTER = `urn:veeam:HierarchyRoot:${id(13)}`;

describe("GET /api/querySvc, /api/lookupSvc and /api/lookup", () => {
  let server: TestServer;
  let token: string;
  let sessionId: string;
  before(async () => {
    server = await startTestServer({ inventory: smallInventory() });
    await server.addAccount("SRV12\\alice", "a");
    const logon = await server.logon("alice", "a");
    token = logon.token;
    sessionId = parseXml(logon.body).LogonSession.SessionId;
  });
  after(() => server.close());

  const get = (path: string, accept?: string) =>
    send(`${server.http}/api/${path}`, {
      headers: { "x-restsvcsessionid": token, ...(accept ? { accept } : {}) },
    });

  test("the QuerySvc links Up to the caller's session, then the vendor's presets", async () => {
    const reply = await get("querySvc", "application/json");
    assert.equal(reply.status, 200);
    const body = JSON.parse(reply.body);
    assert.deepEqual(Object.keys(body), ["Links", "Href", "Type"]);
    assert.equal(body.Href, `${server.http}/api/querySvc`);
    assert.equal(body.Type, "QueryService");
    assert.deepEqual(body.Links[0], {
      Rel: "Up",
      Href: `${server.http}/api/logonSessions/${sessionId}`,
      Name: null,
      Type: "LogonSession",
    });
    assert.equal(body.Links.length, 41);
    assert.deepEqual(body.Links[5], {
      Rel: "Down",
      Href: `${server.http}/api/query?type=Job&format=Entities&sortAsc=name&pageSize=15&page=1`,
      Name: null,
      Type: "JobList",
    });
  });

  test("the QuerySvc in XML escapes the links' ampersands", async () => {
    const reply = await get("querySvc");
    assert.match(reply.body, /<QuerySvc Href="[^"]+\/api\/querySvc" Type="QueryService" /);
    assert.match(
      reply.body,
      /query\?type=Job&amp;format=Entities&amp;sortAsc=name&amp;pageSize=15&amp;page=1/,
    );
    const links = parseXml(reply.body).QuerySvc.Links.Link;
    assert.equal(links[0]["@Rel"], "Up");
    assert.equal(links[0]["@Type"], "LogonSession");
  });

  test("a preset of a type served follows to a QueryResult", async () => {
    const presets = JSON.parse((await get("querySvc", "application/json")).body).Links;
    const repositories = presets.find((link: { Type: string }) => link.Type === "RepositoryList");
    const reply = await send(
      repositories.Href.replace("format=Entities", "format=Entities&filter=Name==none"),
      {
        headers: { "x-restsvcsessionid": token, accept: "application/json" },
      },
    );
    assert.equal(reply.status, 200);
    assert.equal(JSON.parse(reply.body).PagingInfo.PageSize, 15);
  });

  test("the LookupSvc has one VM lookup per hierarchy root", async () => {
    const body = JSON.parse((await get("lookupSvc", "application/json")).body);
    assert.equal(body.Type, "LookupService");
    assert.deepEqual(
      body.Links.map(
        (link: { Rel: string; Href: string }) =>
          `${link.Rel} ${link.Href.replace(server.http, "")}`,
      ),
      [
        `Up /api/logonSessions/${sessionId}`,
        `Down /api/lookup?host=${VCENTER}&name=*&type=Vm`,
        `Down /api/lookup?host=urn:veeam:HierarchyRoot:${id(14)}&name=*&type=Vm`,
      ],
    );
  });

  test("a lookup finds a root's VMs by name, with wildcards and in any case", async () => {
    const all = JSON.parse(
      (await get(`lookup?host=${VCENTER}&name=*&type=Vm`, "application/json")).body,
    );
    assert.deepEqual(all.HierarchyItems, [
      {
        ObjectRef: `urn:VMware:Vm:${id(13)}.vm-62228`,
        ObjectType: "Vm",
        ObjectName: "dbserver01",
        Links: null,
        Href: null,
        Type: "HierarchyItem",
      },
      {
        ObjectRef: `urn:VMware:Vm:${id(13)}.vm-1618`,
        ObjectType: "Vm",
        ObjectName: "web01",
        Links: null,
        Href: null,
        Type: "HierarchyItem",
      },
    ]);
    const some = JSON.parse(
      (await get(`lookup?host=${id(13)}&name=DB*&type=vm`, "application/json")).body,
    );
    assert.deepEqual(
      some.HierarchyItems.map((item: { ObjectName: string }) => item.ObjectName),
      ["dbserver01"],
    );
    const hyperV = JSON.parse(
      (
        await get(
          `lookup?host=urn:veeam:HierarchyRoot:${id(14)}&name=apache02&type=Vm`,
          "application/json",
        )
      ).body,
    );
    assert.equal(hyperV.HierarchyItems[0].ObjectRef, `urn:HyperV:Vm:${id(14)}.4a1e-vm`);
  });

  test("a lookup in XML is HierarchyItems of HierarchyItem", async () => {
    const reply = await get(`lookup?host=${VCENTER}&name=web01&type=Vm`);
    const item = parseXml(reply.body).HierarchyItems.HierarchyItem;
    assert.equal(item["@Type"], "HierarchyItem");
    assert.deepEqual(
      [item.ObjectRef, item.ObjectType, item.ObjectName],
      [`urn:VMware:Vm:${id(13)}.vm-1618`, "Vm", "web01"],
    );
  });

  test("a lookup by reference finds the one object", async () => {
    const ref = `urn:VMware:Vm:${id(13)}.vm-62228`;
    const body = JSON.parse((await get(`lookup?hierarchyRef=${ref}`, "application/json")).body);
    assert.deepEqual(
      body.HierarchyItems.map((item: { ObjectName: string }) => item.ObjectName),
      ["dbserver01"],
    );
    const missing = await get(
      `lookup?hierarchyRef=urn:VMware:Vm:${id(13)}.vm-0`,
      "application/json",
    );
    assert.equal(missing.status, 404);
    assert.match(JSON.parse(missing.body).Message, /no object with the reference/);
  });

  test("a lookup by a reference read from a restore point finds that point's VM", async () => {
    const points = JSON.parse(
      (await get("vmRestorePoints?format=Entity", "application/json")).body,
    );
    const point = points.VmRestorePoints[0];
    const ref = encodeURIComponent(point.HierarchyObjRef);
    const reply = await get(`lookup?hierarchyRef=${ref}`, "application/json");
    assert.equal(reply.status, 200, `${point.HierarchyObjRef}: ${reply.body}`);
    assert.deepEqual(
      JSON.parse(reply.body).HierarchyItems.map((item: { ObjectName: string }) => item.ObjectName),
      [point.VmName],
    );
  });

  test("a lookup with a missing, unknown or unmodelled part says which", async () => {
    const cases: [string, number, RegExp][] = [
      ["lookup", 400, /needs host=<HierarchyRoot UID> and type, or hierarchyRef/],
      [`lookup?host=${VCENTER}&name=*`, 400, /needs a type/],
      [`lookup?host=urn:veeam:HierarchyRoot:${id(99)}&type=Vm`, 404, /no hierarchy root/],
      [
        `lookup?host=${VCENTER}&type=Spaceship`,
        400,
        /no lookup type "Spaceship"\. The types are: VM, Host/,
      ],
      [`lookup?host=${VCENTER}&type=Datastore`, 501, /Lookup of Datastore objects is not served/],
    ];
    for (const [path, status, message] of cases) {
      const reply = await get(path, "application/json");
      assert.equal(reply.status, status, path);
      assert.match(JSON.parse(reply.body).Message, message, path);
    }
  });

  test("each needs a logon session and answers GET only", async () => {
    for (const path of ["querySvc", "lookupSvc", `lookup?host=${VCENTER}&type=Vm`]) {
      assert.equal((await send(`${server.http}/api/${path}`)).status, 401, path);
      const post = await send(`${server.http}/api/${path}`, {
        method: "POST",
        headers: { "x-restsvcsessionid": token },
      });
      assert.equal(post.status, 405, path);
      assert.equal(post.headers.allow, "GET, HEAD");
    }
    assert.equal((await get("querySvc/anything")).status, 404);
  });
});
