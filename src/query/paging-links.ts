import type { Link } from "../representation/representation.js";
import type { QueryParameters } from "./query-request.js";
import type { QueryPage } from "./run-query.js";

/**
 * PagingInfo's First, Previous, Next and Last links. Each repeats the client's query in the
 * vendor's order (type, format, sort, filter, then pageSize and page: pagesize_and_page,
 * get_query_restorepoint), with the values as the client wrote them and encoded as EM 12
 * encodes them: `filter=CreationTime%3e%3d%222026-06-14T21%3a07%3a25%22`, lower-case hex,
 * as .NET's HttpUtility.UrlEncode writes (backup_jobs_sessions_metrics_v12). Previous and
 * Next appear only where there is such a page.
 */
export function pagingLinks(
  apiBase: string,
  given: QueryParameters,
  page: QueryPage<unknown>,
): Link[] {
  const base = `${apiBase}query?${queryOf(given)}pageSize=${page.pageSize}&page=`;
  const link = (rel: string, number: number): Link => ({
    rel,
    href: base + number,
    name: null,
    type: null,
  });

  const links = [link("First", 1)];
  if (page.pageNum > 1) links.push(link("Previous", Math.min(page.pageNum - 1, page.pagesCount)));
  if (page.pageNum < page.pagesCount) links.push(link("Next", page.pageNum + 1));
  links.push(link("Last", page.pagesCount));
  return links;
}

function queryOf(given: QueryParameters): string {
  const parts: [string, string | undefined][] = [
    ["type", given.type],
    ["format", given.format],
    ["sortAsc", given.sortAsc],
    ["sortDesc", given.sortDesc],
    ["filter", given.filter],
  ];
  let query = "";
  for (const [name, value] of parts) {
    if (value !== undefined && value.trim() !== "") query += `${name}=${urlEncode(value)}&`;
  }
  return query;
}

// HttpUtility.UrlEncode keeps letters, digits and - _ . ! * ( ), writes a space as +, and
// every other UTF-8 byte as %xx.
const KEPT = /[A-Za-z0-9\-_.!*()]/;

/** .NET's HttpUtility.UrlEncode, which EM uses for the links it writes. */
export function urlEncode(value: string): string {
  let out = "";
  for (const char of value) {
    if (KEPT.test(char)) out += char;
    else if (char === " ") out += "+";
    else
      for (const byte of Buffer.from(char, "utf8")) out += `%${byte.toString(16).padStart(2, "0")}`;
  }
  return out;
}
