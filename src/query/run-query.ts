import type { InventoryView } from "../inventory/view.js";
import { compileFilter, type Predicate } from "./filter-eval.js";
import type { FilterNode } from "./filter-parser.js";
import type { Property } from "./property.js";
import type { QueryType } from "./query-type.js";
import { tableOf, type TypeTable } from "./type-table.js";

export interface QuerySpec<T> {
  type: QueryType<T>;
  filter?: FilterNode;
  sort?: { property: Property<T>; descending: boolean };
  pageSize: number;
  /** From 1. */
  page: number;
}

export interface QueryPage<T> {
  items: T[];
  /** How many objects match, over all pages. */
  total: number;
  pageNum: number;
  pageSize: number;
  /** At least 1: an empty result is one empty page. */
  pagesCount: number;
}

/**
 * Runs a query over one inventory snapshot. Without a filter a page is a slice of the
 * default order or of a cached sorted order; a filter is one pass over precomputed keys,
 * and the matches are then read in the sorted order, so no request sorts objects itself
 * unless it sorts by a property that follows the clock (State, Result, EndTime).
 */
export function runQuery<T>(view: InventoryView, spec: QuerySpec<T>, now: number): QueryPage<T> {
  const table = tableOf(view, spec.type);
  const predicate = spec.filter && compileFilter(spec.filter, table, now);
  const order = spec.sort && table.order(spec.sort.property, now);
  const descending = spec.sort?.descending ?? false;

  const first = (spec.page - 1) * spec.pageSize;
  const window = { first, end: first + spec.pageSize };
  const { positions, total } =
    predicate === undefined
      ? sliceAll(table, order, descending, window)
      : pickMatches(table, predicate, order, descending, window);

  return {
    items: positions.map((position) => table.items[position]!),
    total,
    pageNum: spec.page,
    pageSize: spec.pageSize,
    pagesCount: Math.max(1, Math.ceil(total / spec.pageSize)),
  };
}

interface Window {
  first: number;
  end: number;
}

function sliceAll<T>(
  table: TypeTable<T>,
  order: Int32Array | undefined,
  descending: boolean,
  { first, end }: Window,
) {
  const total = table.items.length;
  const positions: number[] = [];
  for (let rank = first; rank < Math.min(end, total); rank++) {
    positions.push(positionAt(order, descending, total, rank));
  }
  return { positions, total };
}

function pickMatches<T>(
  table: TypeTable<T>,
  predicate: Predicate,
  order: Int32Array | undefined,
  descending: boolean,
  window: Window,
) {
  const count = table.items.length;
  if (order === undefined) return pickInDefaultOrder(count, predicate, window);

  const matches = new Uint8Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (predicate(i)) {
      matches[i] = 1;
      total++;
    }
  }

  const positions: number[] = [];
  let seen = 0;
  for (let rank = 0; rank < count && seen < window.end; rank++) {
    const position = positionAt(order, descending, count, rank);
    if (matches[position] === 0) continue;
    if (seen++ >= window.first) positions.push(position);
  }
  return { positions, total };
}

// Matches in the default order are counted and picked in one pass.
function pickInDefaultOrder(count: number, predicate: Predicate, { first, end }: Window) {
  const positions: number[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (!predicate(i)) continue;
    if (total >= first && total < end) positions.push(i);
    total++;
  }
  return { positions, total };
}

// Descending is the ascending order read backwards.
function positionAt(
  order: Int32Array | undefined,
  descending: boolean,
  count: number,
  rank: number,
): number {
  const at = descending ? count - 1 - rank : rank;
  return order === undefined ? at : order[at]!;
}
