import type { Link } from "../representation.js";
import { ENTITIES_MEMBERS, type QueryResultModel } from "../../query/query-result.js";

// As EM 12 writes a QueryResult (backup_jobs_sessions_metrics_v12): Refs, Entities,
// Resources, Links, PagingInfo, every member present and null where unused. A list inside is
// an object holding one array of the same name: "BackupJobSessions":{"BackupJobSessions":[…]},
// and so "Refs":{"Refs":[…]}.

function link(value: Link): string {
  return JSON.stringify({ Rel: value.rel, Href: value.href, Name: value.name, Type: value.type });
}

function entities(model: QueryResultModel): string {
  const list = `{${JSON.stringify(model.entities)}:[${model.items.join(",")}]}`;
  const members = ENTITIES_MEMBERS.map((member) =>
    member === model.entities ? `"${member}":${list}` : `"${member}":null`,
  );
  return `{${members.join(",")}}`;
}

/** The JSON `QueryResult`; items are already JSON objects. */
export function queryResultJson(model: QueryResultModel): string {
  const refs = model.format === "Refs" ? `{"Refs":[${model.items.join(",")}]}` : "null";
  const found = model.format === "Entities" ? entities(model) : "null";
  const { pageNum, pageSize, pagesCount, links } = model.paging;
  const paging =
    `{"Links":[${links.map(link).join(",")}],` +
    `"PageNum":${pageNum},"PageSize":${pageSize},"PagesCount":${pagesCount}}`;
  return `{"Refs":${refs},"Entities":${found},"Resources":null,"Links":null,"PagingInfo":${paging}}`;
}
