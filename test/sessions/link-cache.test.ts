import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { entryPointModel, logonSessionLinks } from "../../src/sessions/link-sets.js";
import { jsonRepresentation } from "../../src/representation/json/json-representation.js";
import { xmlRepresentation } from "../../src/representation/xml/xml-representation.js";

const ID = "0f6a0c4e-4c2e-4b9e-9f3a-2d1b5c7e8a90";
const OTHER = "11111111-2222-4333-8444-555555555555";

function links(apiBase: string, sessionId = ID) {
  const opts = { apiBase, version: "v1_7", role: "PortalAdministrator" as const, sessionId };
  return logonSessionLinks({ ...opts, kind: "account" });
}

describe("link lists shared between sessions", () => {
  it("gives each API base its own hrefs, also past the bound of the cache", () => {
    for (let i = 0; i < 200; i++) {
      const base = `http://host-${i % 100}.example:9399/api/`;
      for (const link of links(base)) assert.ok(link.href.startsWith(base), link.href);
    }
  });

  it("puts each session's own id in its Delete link and nowhere else", () => {
    const first = links("http://a.example/api/");
    const second = links("http://a.example/api/", OTHER);
    assert.equal(first.length, second.length);
    first.forEach((link, i) => {
      if (link.rel === "Delete") {
        assert.ok(link.href.endsWith(`logonSessions/${ID}`));
        assert.ok(second[i]!.href.endsWith(`logonSessions/${OTHER}`));
      } else {
        assert.equal(second[i], link);
        assert.ok(Object.isFrozen(link));
      }
    });
  });

  for (const representation of [xmlRepresentation, jsonRepresentation]) {
    it(`writes a shared link as a fresh copy of it (${representation.contentType})`, () => {
      const shared = links("http://b.example/api/");
      const copies = shared.map((link) => ({ ...link }));
      const model = { href: "http://b.example/api/logonSessions/x", userName: "U", sessionId: ID };
      const once = representation.logonSession({ ...model, links: shared });
      assert.equal(representation.logonSession({ ...model, links: shared }), once);
      assert.equal(representation.logonSession({ ...model, links: copies }), once);
    });
  }
});

describe("the entry point shared between requests", () => {
  it("is built per API base, frozen, and the same object for the same base", () => {
    const first = entryPointModel("http://c.example/api/");
    assert.equal(entryPointModel("http://c.example/api/"), first);
    assert.ok(Object.isFrozen(first) && Object.isFrozen(first.links));
    assert.ok(first.links.every((link) => link.href.startsWith("http://c.example/api/")));
    const other = entryPointModel("https://d.example:9398/api/");
    assert.ok(other.links.every((link) => link.href.startsWith("https://d.example:9398/api/")));
  });
});
