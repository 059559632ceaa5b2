import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { after, before, describe, it } from "node:test";
import { pendingLinkedPaths } from "../../src/http/routes.js";
import { SERVED_COLLECTIONS } from "../../src/http/inventory-routes.js";
import { RESOURCE_KINDS } from "../../src/resources/kinds.js";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";
import { apiPath } from "../helpers/capture-shape.js";

// Element names in document order, so the order of members can be checked.
const ordered = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@",
});

function childNames(node: Record<string, unknown>[]): string[] {
  return node.map((child) => Object.keys(child).find((key) => key !== ":@")!);
}

/** Every Href in a JSON body: the objects' own and their links'. */
function hrefsOf(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) hrefsOf(item, out);
  else if (value !== null && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) {
      if (key === "Href" && typeof member === "string" && member !== "") out.add(member);
      else hrefsOf(member, out);
    }
  }
  return out;
}

describe("The inventory collections a LogonSession links to", () => {
  let api: InventoryServer;
  before(async () => (api = await startInventoryServer()));
  after(() => api.close());

  for (const kind of RESOURCE_KINDS) {
    it(`serves ${kind.collection} as references and entities, in JSON and XML`, async () => {
      const refs = await api.json(kind.collection);
      assert.deepEqual(Object.keys(refs), ["Refs"]);
      assert.ok(refs.Refs.length > 0, "the fixture has at least one");
      for (const ref of refs.Refs) {
        assert.deepEqual(Object.keys(ref), ["Links", "UID", "Name", "Href", "Type"]);
        assert.equal(ref.Type, `${kind.entityType}Reference`);
        assert.match(ref.UID, new RegExp(`^urn:veeam:${kind.entityType}:`));
      }

      const entities = await api.json(`${kind.collection}?format=Entity`);
      assert.deepEqual(Object.keys(entities), [kind.listElement]);
      for (const entity of entities[kind.listElement]) {
        assert.deepEqual(Object.keys(entity).slice(-5), ["Name", "UID", "Links", "Href", "Type"]);
        assert.equal(entity.Type, kind.entityType);
        assert.ok(entity.Href.endsWith("?format=Entity"));
      }

      const xmlRefs = await api.xml(kind.collection);
      assert.equal(XMLValidator.validate(xmlRefs.body), true);
      const root = ordered.parse(xmlRefs.body)[1];
      assert.deepEqual(Object.keys(root), ["EntityReferences", ":@"]);
      assert.deepEqual(new Set(childNames(root.EntityReferences)), new Set(["Ref"]));
      assert.match(xmlRefs.body, /<Ref UID="[^"]+" Name="[^"]*" Href="[^"]+" Type="[^"]+"><Links>/);

      const xmlEntities = await api.xml(`${kind.collection}?format=Entity`);
      assert.equal(XMLValidator.validate(xmlEntities.body), true);
      const list = ordered.parse(xmlEntities.body)[1][kind.listElement];
      for (const entity of list) {
        assert.deepEqual(Object.keys(entity), [kind.entityType, ":@"]);
        assert.equal(childNames(entity[kind.entityType])[0], "Links");
        assert.deepEqual(Object.keys(entity[":@"]).slice(0, 4), [
          "@Href",
          "@Type",
          "@Name",
          "@UID",
        ]);
      }
    });
  }

  it("answers every link of a LogonSession and every Href found one level below", async () => {
    const logon = JSON.parse((await api.get(`logonSessions`, { accept: "application/json" })).body)
      .LogonSessions[0];
    const first = logon.Links.filter((l: any) => l.Rel === "Down").map((l: any) => l.Href);
    assert.equal(first.length, 65);

    const second = new Set<string>();
    for (const href of first) {
      const reply = await api.get(href, { accept: "application/json" });
      const path = apiPath(href).split("?")[0]!;
      if (SERVED_COLLECTIONS.has(path)) {
        assert.equal(reply.status, 200, href);
        hrefsOf(JSON.parse(reply.body), second);
      } else if (pendingLinkedPaths().includes(path)) {
        assert.equal(reply.status, 501, href);
      } else {
        assert.equal(reply.status, 200, href); // served beside the inventory: tasks, querySvc…
      }
    }

    assert.ok(second.size > 100, `found ${second.size} Hrefs`);
    for (const href of second) {
      const reply = await api.get(href, { accept: "application/json" });
      if (href.includes("?action=")) {
        assert.equal(reply.status, 501, href);
      } else {
        assert.equal(reply.status, 200, `${href}: ${reply.body.slice(0, 200)}`);
        hrefsOf(JSON.parse(reply.body), new Set());
      }
    }
  });
});
