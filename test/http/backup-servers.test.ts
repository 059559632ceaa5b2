import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath, assertSameShape, linkSequence, readFixture } from "../helpers/capture-shape.js";
import { parseXml } from "../helpers/xml.js";

const captured = readFixture("backup_servers_metrics_v12.json").BackupServers;

describe("GET /api/backupServers", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("lists entities member for member as the captured EM 12 reply", async () => {
    const body = await api.json("backupServers?format=Entity");
    assert.deepEqual(Object.keys(body), ["BackupServers"]);
    for (const server of body.BackupServers) assertSameShape(server, captured[0]);
  });

  it("carries the captured values of a server, its UID and its links", async () => {
    const served = (await api.json("backupServers?format=Entity")).BackupServers[1];
    const want = captured[1];
    for (const key of ["Description", "Port", "Version", "WcfPort", "VbrCertificateThumbprint"]) {
      assert.equal(served[key], want[key], key);
    }
    assert.equal(served.UID, want.UID);
    assert.equal(apiPath(served.Href), apiPath(want.Href));
    assert.deepEqual(
      served.Links.map((l: any) => apiPath(l.Href)),
      want.Links.map((l: any) => apiPath(l.Href)),
    );
    assert.deepEqual(
      served.Links.map((l: any) => l.Name),
      want.Links.map((l: any) => l.Name),
    );
  });

  it("lists references without a format, each with Links, UID, Name, Href, Type", async () => {
    const body = await api.json("backupServers");
    assert.deepEqual(Object.keys(body), ["Refs"]);
    assert.equal(body.Refs.length, 4);
    const ref = body.Refs[0];
    assert.deepEqual(Object.keys(ref), ["Links", "UID", "Name", "Href", "Type"]);
    assert.equal(ref.Type, "BackupServerReference");
    assert.equal(apiPath(ref.Href), `backupServers/${IDS.server1}`);
    assert.deepEqual(linkSequence(ref.Links), [
      "Alternate BackupServer",
      "Down JobReferenceList",
      "Down RepositoryReferenceList",
      "Down CredentialsList",
      "Down PasswordKeyList",
    ]);
    assert.equal(apiPath(ref.Links[0].Href), `backupServers/${IDS.server1}?format=Entity`);
  });

  it("answers one server as its EntityRef, and as its entity with format=Entity", async () => {
    const ref = await api.json(`backupServers/${IDS.server2}`);
    assert.equal(ref.Type, "BackupServerReference");
    const entity = await api.json(`backupServers/${IDS.server2.toUpperCase()}?format=entity`);
    assertSameShape(entity, captured[1]);

    const xml = await api.xml(`backupServers/${IDS.server2}`);
    assert.match(
      xml.body,
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<EntityRef UID="urn:veeam:BackupServer:3eb3d903[^"]*" Name="veeam02.example.com" Href="[^"]+" Type="BackupServerReference" xmlns:xsd=/,
    );
  });

  it("writes the entity in XML with the root attributes and children in schema order", async () => {
    const reply = await api.xml(`backupServers/${IDS.server1}?format=Entity`);
    assert.equal(reply.status, 200);
    assert.match(reply.headers["content-type"] as string, /^application\/xml/);
    assert.match(
      reply.body,
      /<BackupServer Href="[^"]+\?format=Entity" Type="BackupServer" Name="veeam01.example.com" UID="urn:veeam:BackupServer:66122f98-3971-46f9-835d-2dbd6c16a6f0" xmlns:xsd="http:\/\/www.w3.org\/2001\/XMLSchema" xmlns:xsi="http:\/\/www.w3.org\/2001\/XMLSchema-instance" xmlns="http:\/\/www.veeam.com\/ent\/v1.0"><Links>/,
    );
    assert.match(
      reply.body,
      /<\/Links><Description>Veeam h1<\/Description><Port>9392<\/Port><Version>12.3.2.4465<\/Version><WcfPort>9405<\/WcfPort><VbrCertificateThumbprint>7B39B1915CBDCD77E5C0F4273F4353A18653E571<\/VbrCertificateThumbprint><\/BackupServer>$/,
    );
    const parsed = parseXml(reply.body).BackupServer;
    assert.equal(parsed.Links.Link.length, 14);
    assert.equal(parsed.Links.Link[13]["@Rel"], "Start");
    assert.equal(parsed.Links.Link[13]["@Type"], undefined);
  });

  it("serves the sub-collections a server's links name", async () => {
    const jobs = await api.json(`backupServers/${IDS.labServer}/jobs`);
    assert.deepEqual(jobs.Refs.map((r: any) => r.Name).sort(), [
      "BACKUP_CORP_SITE3_VMW_INF",
      "COPY_BACKUP_VMW_APP_A_TO_DD_CORP_NEW",
      "Replicate app01",
    ]);
    const repositories = await api.json(
      `backupServers/${IDS.labServer}/repositories?format=Entity`,
    );
    assert.equal(repositories.Repositories.length, 2);
    const managed = await api.json(`backupServers/${IDS.server1}/managedServers`);
    assert.deepEqual(
      managed.Refs.map((r: any) => r.Name),
      ["proxy01.example.com"],
    );
    const external = await api.json(`backupServers/${IDS.server1}/externalRepositories`);
    assert.deepEqual(
      external.Refs.map((r: any) => r.Name),
      ["Archive bucket"],
    );
    assert.deepEqual(await api.json(`backupServers/${IDS.server2}/jobs`), { Refs: [] });
  });

  it("answers the credentials and passwords lists empty: the inventory holds none", async () => {
    const credentials = await api.xml(`backupServers/${IDS.server1}/credentials`);
    assert.match(credentials.body, /<CredentialsInfoList xmlns:xsd=[^>]*\/>$/);
    assert.deepEqual(await api.json(`backupServers/${IDS.server1}/passwords`), {
      PasswordKeyInfos: [],
    });
  });

  it("answers 404 for an unknown or malformed id and an unknown sub-collection", async () => {
    for (const path of [
      "backupServers/00000000-0000-4000-8000-00000000dead",
      "backupServers/not-a-guid",
      `backupServers/${IDS.server1}/nothing`,
    ]) {
      const reply = await api.get(path, { accept: "application/json" });
      assert.equal(reply.status, 404, path);
      assert.equal(JSON.parse(reply.body).StatusCode, 404);
    }
  });

  it("refuses a format it does not know with 400", async () => {
    for (const path of ["backupServers?format=Refs", `backupServers/${IDS.server1}?format=xml`]) {
      const reply = await api.get(path);
      assert.equal(reply.status, 400, path);
      assert.match(
        reply.body,
        /<Error Message="The format &quot;[^"]+&quot; is not supported here/,
      );
    }
  });

  it("answers the server's actions with 501, whatever the method", async () => {
    const collect = await api.get(`backupServers/${IDS.server1}?action=collect`);
    assert.equal(collect.status, 501);
    assert.match(collect.body, /The action &quot;collect&quot;/);
    const post = await api.server.request(
      `${api.api}backupServers/${IDS.server1}?action=veeamzip`,
      {
        method: "POST",
        headers: { "x-restsvcsessionid": api.token },
      },
    );
    assert.equal(post.status, 501);
  });

  it("asks for a logon session first", async () => {
    const reply = await api.server.request(`${api.api}backupServers`);
    assert.equal(reply.status, 401);
  });
});
