import type { InventoryView } from "../inventory/view.js";
import { FilterError } from "./filter-parser.js";
import { pagingLinks } from "./paging-links.js";
import {
  filterFault,
  readQueryRequest,
  type QueryFormat,
  type QueryParameters,
} from "./query-request.js";
import type { QueryResultModel } from "./query-result.js";
import type { QueryType } from "./query-type.js";
import { runQuery } from "./run-query.js";

/** What writing a page's objects needs besides the objects. */
export interface WriteContext {
  apiBase: string;
  view: InventoryView;
  now: number;
}

/**
 * Writes a page of one query type's objects as references (`Ref`s) or entities, in one
 * representation. The resource representations of each kind supply it.
 */
export type ObjectWriter = (
  type: QueryType<unknown>,
  format: QueryFormat,
  items: readonly unknown[],
  context: WriteContext,
) => string[];

/** `GET /api/query`: checks the parameters, runs the query, and builds the QueryResult. */
export function answerQuery(
  view: InventoryView,
  given: QueryParameters,
  context: { apiBase: string; now: number; write: ObjectWriter },
): QueryResultModel {
  const request = readQueryRequest(given);
  let page;
  try {
    page = runQuery(view, request.spec, context.now);
  } catch (error) {
    throw error instanceof FilterError ? filterFault(error) : error;
  }

  const { apiBase, now } = context;
  return {
    format: request.format,
    entities: request.spec.type.entities,
    items: context.write(request.spec.type, request.format, page.items, { apiBase, view, now }),
    paging: {
      pageNum: page.pageNum,
      pageSize: page.pageSize,
      pagesCount: page.pagesCount,
      links: pagingLinks(apiBase, given, page),
    },
  };
}
