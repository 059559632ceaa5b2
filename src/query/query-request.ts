import { Fault } from "../faults/fault.js";
import { FilterError, parseFilter } from "./filter-parser.js";
import { propertyNames, propertyOf, type QueryType } from "./query-type.js";
import { resolveQueryType, VENDOR_QUERY_TYPES } from "./query-types.js";
import type { QuerySpec } from "./run-query.js";

/** The query string of `GET /api/query` as the client wrote it (names in any casing). */
export interface QueryParameters {
  type?: string;
  format?: string;
  filter?: string;
  sortAsc?: string;
  sortDesc?: string;
  pageSize?: string;
  page?: string;
}

export type QueryFormat = "Refs" | "Entities";

export interface QueryRequest {
  spec: QuerySpec<unknown>;
  format: QueryFormat;
  given: QueryParameters;
}

/**
 * 100 objects a page when the client gives no pageSize. The vendor's page says "by default,
 * all query results are displayed on one page" (pagesize_and_page), but every example it
 * gives without pageSize answers `PageSize="100"` with links carrying `pageSize=100`, and so
 * do both replies captured from EM 12 (backup_jobs_sessions_metrics_v12): what EM does wins
 * over what its page says (spec section 13.11). It also keeps a reply over 100,000 sessions
 * to a bounded size.
 */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * A larger pageSize is served as this many: the reply says so in PagingInfo's PageSize and
 * its Next link, so a client that follows the links still gets everything, while one reply
 * stays a few megabytes.
 */
export const MAX_PAGE_SIZE = 10_000;

const WHOLE_NUMBER = /^\s*\+?\d{1,10}\s*$/;

/** Reads and checks the parameters; a bad one is `InvalidQuery` naming it. */
export function readQueryRequest(given: QueryParameters): QueryRequest {
  const type = queryTypeOf(given.type);
  const spec: QuerySpec<unknown> = {
    type,
    filter: filterOf(given.filter),
    sort: sortOf(type, given),
    pageSize: Math.min(MAX_PAGE_SIZE, wholeNumber("pageSize", given.pageSize, DEFAULT_PAGE_SIZE)),
    page: wholeNumber("page", given.page, 1),
  };
  return { spec, format: formatOf(given.format), given };
}

/** A filter error as the fault the client sees. */
export function filterFault(error: FilterError): Fault {
  return new Fault("InvalidQuery", error.message);
}

function queryTypeOf(name: string | undefined): QueryType<unknown> {
  if (!given(name)) {
    throw new Fault("InvalidQuery", "The query needs a type, for example type=BackupJobSession.");
  }
  const resolved = resolveQueryType(name);
  if (resolved === undefined) {
    throw new Fault(
      "InvalidQuery",
      `There is no query type ${shown(name)}. The types are: ${VENDOR_QUERY_TYPES.join(", ")}.`,
    );
  }
  if ("notServed" in resolved) {
    throw new Fault(
      "NotImplemented",
      `Queries of type ${resolved.notServed} are not served by emrest yet: ` +
        "its inventory does not model these objects.",
    );
  }
  return resolved.served;
}

function filterOf(text: string | undefined) {
  if (!given(text)) return undefined;
  try {
    return parseFilter(text);
  } catch (error) {
    throw error instanceof FilterError ? filterFault(error) : error;
  }
}

function sortOf(type: QueryType<unknown>, parameters: QueryParameters): QuerySpec<unknown>["sort"] {
  const { sortAsc, sortDesc } = parameters;
  if (given(sortAsc) && given(sortDesc)) {
    throw new Fault("InvalidQuery", "Give sortAsc or sortDesc, not both.");
  }
  const name = given(sortAsc) ? sortAsc : given(sortDesc) ? sortDesc : undefined;
  if (name === undefined) return undefined;

  const property = propertyOf(type, name.trim());
  if (property === undefined) {
    throw new Fault(
      "InvalidQuery",
      `${type.name} has no property ${shown(name)} to sort by. It has: ${propertyNames(type)}.`,
    );
  }
  return { property, descending: name === sortDesc };
}

function formatOf(format: string | undefined): QueryFormat {
  if (!given(format)) return "Refs";
  switch (format.trim().toLowerCase()) {
    case "refs":
      return "Refs";
    case "entities":
    case "entity":
      return "Entities";
    default:
      throw new Fault("InvalidQuery", `format must be Refs or Entities, not ${shown(format)}.`);
  }
}

function wholeNumber(name: string, text: string | undefined, otherwise: number): number {
  if (!given(text)) return otherwise;
  const value = WHOLE_NUMBER.test(text) ? Number(text) : Number.NaN;
  if (!(value >= 1 && value <= 2_147_483_647)) {
    throw new Fault("InvalidQuery", `${name} must be a whole number from 1, not ${shown(text)}.`);
  }
  return value;
}

// An empty parameter (`filter=`) counts as none.
function given(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

function shown(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
