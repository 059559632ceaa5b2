import type { Link } from "../representation.js";
import { ENTITIES_MEMBERS, type QueryResultModel } from "../../query/query-result.js";
import type { Spell } from "./json-casing.js";

// As EM 12 writes a QueryResult (backup_jobs_sessions_metrics_v12): Refs, Entities,
// Resources, Links, PagingInfo, every member present and null where unused. A list inside is
// an object holding one array of the same name: "BackupJobSessions":{"BackupJobSessions":[…]},
// and so "Refs":{"Refs":[…]}. The names are spelled once, when the writer is built.

/** The JSON `QueryResult`, its names spelled by `spell`; items are already JSON objects. */
export function queryResultWriter(spell: Spell): (model: QueryResultModel) => string {
  const key = (name: string) => JSON.stringify(spell(name));
  const [rel, href, name, type] = ["Rel", "Href", "Name", "Type"].map(key);
  const link = (value: Link) =>
    `{${rel}:${JSON.stringify(value.rel)},${href}:${JSON.stringify(value.href)},` +
    `${name}:${JSON.stringify(value.name)},${type}:${JSON.stringify(value.type)}}`;

  const members = new Map(ENTITIES_MEMBERS.map((member) => [member, key(member)]));
  const entities = (model: QueryResultModel): string => {
    const list = `{${key(model.entities)}:[${model.items.join(",")}]}`;
    const written = ENTITIES_MEMBERS.map((member) =>
      member === model.entities ? `${members.get(member)}:${list}` : `${members.get(member)}:null`,
    );
    return `{${written.join(",")}}`;
  };

  const [refs, found, resources, links, paging] = [
    "Refs",
    "Entities",
    "Resources",
    "Links",
    "PagingInfo",
  ].map(key);
  const [pageNum, pageSize, pagesCount] = ["PageNum", "PageSize", "PagesCount"].map(key);

  return (model) => {
    const refList = model.format === "Refs" ? `{${refs}:[${model.items.join(",")}]}` : "null";
    const entityList = model.format === "Entities" ? entities(model) : "null";
    const p = model.paging;
    const pagingInfo =
      `{${links}:[${p.links.map(link).join(",")}],` +
      `${pageNum}:${p.pageNum},${pageSize}:${p.pageSize},${pagesCount}:${p.pagesCount}}`;
    return (
      `{${refs}:${refList},${found}:${entityList},${resources}:null,${links}:null,` +
      `${paging}:${pagingInfo}}`
    );
  };
}

/** The PascalCase `QueryResult` of EM 12. */
export const queryResultJson = queryResultWriter((name) => name);
