import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { pagingLinks, urlEncode } from "../../src/query/paging-links.js";

const BASE = "https://em.example.com:9398/api/";
const page = (pageNum: number, pagesCount: number, pageSize = 100) => ({
  items: [],
  total: 0,
  pageNum,
  pageSize,
  pagesCount,
});
const rels = (links: { rel: string; href: string }[]) =>
  links.map((link) => `${link.rel} ${link.href.slice(BASE.length)}`);

describe("PagingInfo links", () => {
  it("are the links EM 12 wrote for the exporter's query", () => {
    const capture = JSON.parse(
      readFileSync("test/fixtures/backup_jobs_sessions_metrics_v12.json", "utf8"),
    );
    const links = pagingLinks(
      BASE,
      {
        type: "BackupJobSession",
        format: "Entities",
        filter: 'CreationTime>="2026-06-14T21:07:25"',
      },
      page(1, 1),
    );
    assert.deepEqual(
      links.map((link) => ({ Rel: link.rel, Href: link.href, Name: link.name, Type: link.type })),
      capture.PagingInfo.Links,
    );
  });

  it("give Next and Previous only where there is such a page", () => {
    const given = { type: "backupServer", pageSize: "1" };
    assert.deepEqual(rels(pagingLinks(BASE, given, page(1, 2, 1))), [
      "First query?type=backupServer&pageSize=1&page=1",
      "Next query?type=backupServer&pageSize=1&page=2",
      "Last query?type=backupServer&pageSize=1&page=2",
    ]);
    assert.deepEqual(
      rels(pagingLinks(BASE, given, page(2, 3, 1))).map((l) => l.split(" ")[0]),
      ["First", "Previous", "Next", "Last"],
    );
    assert.deepEqual(rels(pagingLinks(BASE, given, page(9, 3, 1))), [
      "First query?type=backupServer&pageSize=1&page=1",
      "Previous query?type=backupServer&pageSize=1&page=3",
      "Last query?type=backupServer&pageSize=1&page=3",
    ]);
  });

  it("repeat the query in the vendor's order with the values as given", () => {
    const links = pagingLinks(
      BASE,
      {
        page: "2",
        filter: "Platform==vCloud",
        sortAsc: "name",
        format: "entities",
        type: "job",
        pageSize: "5",
      },
      page(2, 2, 5),
    );
    assert.equal(
      links[0]!.href,
      `${BASE}query?type=job&format=entities&sortAsc=name&filter=Platform%3d%3dvCloud&pageSize=5&page=1`,
    );
    const desc = pagingLinks(BASE, { type: "Job", sortDesc: "Name" }, page(1, 1));
    assert.equal(desc[0]!.href, `${BASE}query?type=Job&sortDesc=Name&pageSize=100&page=1`);
  });
});

describe("urlEncode", () => {
  it("writes what HttpUtility.UrlEncode writes", () => {
    assert.equal(
      urlEncode('name=="Exchange Backup";a,b'),
      "name%3d%3d%22Exchange+Backup%22%3ba%2cb",
    );
    assert.equal(urlEncode("keep-_.!*()AZaz09"), "keep-_.!*()AZaz09");
    assert.equal(urlEncode("é/€&#"), "%c3%a9%2f%e2%82%ac%26%23");
  });
});
