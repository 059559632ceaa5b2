import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { basic } from "../helpers/client.js";
import { IDS } from "../helpers/inventory-fixture.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { parseXml } from "../helpers/xml.js";

describe("a query parameter given more than once", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  it("is read once when every copy has the same value, in any casing", async () => {
    const once = await api.json("query?type=Job&format=Entities&pageSize=1");
    const twice = await api.json("query?type=Job&TYPE=job&format=Entities&pageSize=1&pageSize=1");
    assert.equal(twice.Entities.Jobs.Jobs.length, 1);
    assert.deepEqual(twice.Entities, once.Entities);
  });

  it("is a 400 naming the parameter when the copies differ, in JSON", async () => {
    const reply = await api.get("query?type=Job&page=1&page=2", { accept: "application/json" });
    assert.equal(reply.status, 400);
    const error = JSON.parse(reply.body);
    assert.equal(error.StatusCode, 400);
    assert.match(error.Message, /parameter page is given more than once/);
  });

  it("is a 400 in XML whatever the casing of the copies", async () => {
    const reply = await api.get(`jobs/${IDS.backupJob}?format=Entity&Format=References`);
    assert.equal(reply.status, 400);
    assert.match(
      parseXml(reply.body).Error["@Message"],
      /parameter format is given more than once/,
    );
  });

  it("makes no logon when the versions asked for differ", async () => {
    const reply = await api.server.request(`${api.server.http}/api/sessionMngr/?v=latest&v=v1_2`, {
      method: "POST",
      headers: { authorization: basic("admin", "secret") },
    });
    assert.equal(reply.status, 400);
    assert.equal(reply.headers["x-restsvcsessionid"], undefined);
  });
});
