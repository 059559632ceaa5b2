import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { QueryResultModel } from "../../src/query/query-result.js";
import { queryResultJson } from "../../src/representation/json/query-result-json.js";
import { queryResultXml } from "../../src/representation/xml/query-result-xml.js";
import { parseXml } from "../helpers/xml.js";

const captures = [
  "backup_jobs_sessions_metrics_v12.json",
  "backup_jobs_tasks_sessions_metrics_v12.json",
];

/** The capture's own objects and links, put back through our writer. */
function modelOf(capture: Record<string, any>): QueryResultModel {
  const member = Object.keys(capture.Entities).find((key) => capture.Entities[key] !== null)!;
  const paging = capture.PagingInfo;
  return {
    format: "Entities",
    entities: member,
    items: capture.Entities[member][member].map((item: unknown) => JSON.stringify(item)),
    paging: {
      pageNum: paging.PageNum,
      pageSize: paging.PageSize,
      pagesCount: paging.PagesCount,
      links: paging.Links.map((l: Record<string, string | null>) => ({
        rel: l.Rel,
        href: l.Href,
        name: l.Name,
        type: l.Type,
      })),
    },
  };
}

describe("QueryResult in JSON", () => {
  for (const file of captures) {
    it(`writes ${file} member for member, in its order, nulls included`, () => {
      const capture = JSON.parse(readFileSync(`test/fixtures/${file}`, "utf8"));
      const written = queryResultJson(modelOf(capture));
      assert.equal(JSON.stringify(JSON.parse(written)), JSON.stringify(capture));
    });
  }

  it("puts references in Refs, as a list object, with Entities null", () => {
    const written = JSON.parse(
      queryResultJson({
        format: "Refs",
        entities: "Jobs",
        items: ['{"UID":"urn:veeam:Job:1"}'],
        paging: { pageNum: 1, pageSize: 100, pagesCount: 1, links: [] },
      }),
    );
    assert.deepEqual(Object.keys(written), [
      "Refs",
      "Entities",
      "Resources",
      "Links",
      "PagingInfo",
    ]);
    assert.deepEqual(written.Refs, { Refs: [{ UID: "urn:veeam:Job:1" }] });
    assert.equal(written.Entities, null);
    assert.deepEqual(written.PagingInfo, { Links: [], PageNum: 1, PageSize: 100, PagesCount: 1 });
  });
});

describe("QueryResult in XML", () => {
  const model = (format: "Refs" | "Entities", items: string[]): QueryResultModel => ({
    format,
    entities: "BackupServers",
    items,
    paging: {
      pageNum: 1,
      pageSize: 1,
      pagesCount: 2,
      links: [
        {
          rel: "First",
          href: "https://h/api/query?type=BackupServer&pageSize=1&page=1",
          name: null,
          type: null,
        },
        {
          rel: "Next",
          href: "https://h/api/query?type=BackupServer&pageSize=1&page=2",
          name: null,
          type: null,
        },
      ],
    },
  });

  it("writes Entities with the type's list inside, then PagingInfo with & escaped", () => {
    const xml = queryResultXml(model("Entities", ['<BackupServer Name="a"/>']));
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<QueryResult '));
    assert.match(
      xml,
      /<PagingInfo PageNum="1" PageSize="1" PagesCount="2"><Links><Link Href="https:\/\/h\/api\/query\?type=BackupServer&amp;pageSize=1&amp;page=1" Rel="First"\/>/,
    );
    const parsed = parseXml(xml).QueryResult;
    assert.equal(parsed["@xmlns"], "http://www.veeam.com/ent/v1.0");
    assert.equal(parsed.Entities.BackupServers.BackupServer["@Name"], "a");
    assert.equal(
      parsed.PagingInfo.Links.Link[1]["@Href"],
      "https://h/api/query?type=BackupServer&pageSize=1&page=2",
    );
    assert.equal(parsed.Refs, undefined);
  });

  it("writes references in Refs, and an empty page as empty elements", () => {
    assert.equal(
      parseXml(queryResultXml(model("Refs", ['<Ref UID="u"/>']))).QueryResult.Refs.Ref["@UID"],
      "u",
    );
    assert.match(queryResultXml(model("Refs", [])), /<Refs\/><PagingInfo/);
    assert.match(queryResultXml(model("Entities", [])), /<Entities><BackupServers\/><\/Entities>/);
  });
});
