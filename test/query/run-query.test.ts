import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { RESULTS, emptyInventory, type JobSession } from "../../src/inventory/model.js";
import { InventoryView } from "../../src/inventory/view.js";
import { parseFilter } from "../../src/query/filter-parser.js";
import { propertyOf } from "../../src/query/query-type.js";
import { runQuery } from "../../src/query/run-query.js";
import { BACKUP_JOB_SESSION } from "../../src/query/types/sessions.js";
import { printFilter, type Shape } from "./filter-text.js";
import { NOW, id, smallView } from "./small-inventory.js";

// The engine (keys, cached orders, one-pass paging) against a plain reference that reads the
// model directly, filters, sorts with Array.sort and slices, on random sessions and queries.

const JOB_NAMES = ["Alpha", "alpha", "Beta", "Gamma"];
const T0 = Date.parse("2026-06-10T00:00:00Z");
const HOUR = 3_600_000;

const arbitrarySessions = fc.array(
  fc.record({
    job: fc.nat({ max: JOB_NAMES.length - 1 }),
    start: fc.nat({ max: 200 }),
    hours: fc.integer({ min: 1, max: 150 }),
    result: fc.constantFrom("Success", "Warning", "Failed") as fc.Arbitrary<JobSession["result"]>,
    retry: fc.boolean(),
  }),
  { maxLength: 60 },
);

interface SessionSpec {
  job: number;
  start: number;
  hours: number;
  result: JobSession["result"];
  retry: boolean;
}

function viewOf(specs: SessionSpec[]): InventoryView {
  const inventory = emptyInventory();
  inventory.backupServers.push({
    id: id(1),
    name: "vbr",
    description: "",
    port: 9392,
    version: "12",
    wcfPort: 9393,
    certificateThumbprint: "",
  });
  JOB_NAMES.forEach((name, n) =>
    inventory.jobs.push({
      id: id(100 + n),
      backupServerId: id(1),
      name,
      jobType: "Backup",
      platform: "VMware",
      description: "",
      scheduleConfigured: false,
      scheduleEnabled: false,
      dailyAtMinute: null,
      nextRun: null,
      repositoryId: null,
      vmIds: [],
      linkedJobIds: [],
      linkedBackupRepositoryIds: [],
    }),
  );
  specs.forEach((spec, n) =>
    inventory.jobSessions.push({
      id: id(1000 + n),
      jobId: id(100 + spec.job),
      kind: "Backup",
      // Starts an hour apart at most 200 hours after T0, so several sessions share a start.
      creationTime: T0 + spec.start * HOUR,
      endTime: T0 + (spec.start + spec.hours) * HOUR,
      result: spec.result,
      failureMessage: "",
      isRetry: spec.retry,
    }),
  );
  return new InventoryView(inventory);
}

const NOW_HERE = T0 + 250 * HOUR;
type Value = string | number | null;

/** What each property is, read straight from the model. */
const reference: Record<string, (session: JobSession, view: InventoryView) => Value> = {
  CreationTime: (s) => s.creationTime,
  EndTime: (s) => (NOW_HERE >= s.endTime ? s.endTime : null),
  Result: (s) => RESULTS.indexOf(NOW_HERE >= s.endTime ? s.result : "None"),
  IsRetry: (s) => (s.isRetry ? 1 : 0),
  JobName: (s, view) => view.get("jobs", s.jobId)!.name.toLowerCase(),
};

const iso = (hours: number) => new Date(T0 + hours * HOUR).toISOString();
const arbitraryComparison: fc.Arbitrary<Shape> = fc
  .oneof(
    fc.record({
      property: fc.constantFrom("CreationTime", "EndTime"),
      value: fc.nat({ max: 360 }).map(iso),
    }),
    fc.record({ property: fc.constant("Result"), value: fc.constantFrom(...RESULTS) }),
    fc.record({ property: fc.constant("IsRetry"), value: fc.constantFrom("true", "False") }),
    fc.record({
      property: fc.constant("JobName"),
      value: fc.constantFrom(...JOB_NAMES, "ALPHA", "Delta"),
    }),
  )
  .chain(({ property, value }) =>
    fc
      .constantFrom("==", "!=", "<", ">", "<=", ">=")
      .map((operator) => ({ kind: "compare", property, operator, value }) as Shape),
  );

const arbitraryFilter: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    arbitraryComparison,
    fc.record(
      {
        kind: fc.constantFrom("and" as const, "or" as const),
        operands: fc.array(tie("node"), { minLength: 2, maxLength: 3 }),
      },
      { noNullPrototype: true },
    ),
  ),
})).node;

function valueKey(property: string, text: string): Value {
  if (property === "Result") return RESULTS.indexOf(text as never);
  if (property === "IsRetry") return text.toLowerCase() === "true" ? 1 : 0;
  if (property === "JobName") return text.toLowerCase();
  return Date.parse(text);
}

function holds(shape: Shape, session: JobSession, view: InventoryView): boolean {
  if (shape.kind === "and") return shape.operands.every((s) => holds(s, session, view));
  if (shape.kind === "or") return shape.operands.some((s) => holds(s, session, view));
  if (shape.kind !== "compare") return false;
  const actual = reference[shape.property]!(session, view);
  const wanted = valueKey(shape.property, shape.value)!;
  if (shape.operator === "!=") return actual !== wanted;
  if (actual === null) return false;
  switch (shape.operator) {
    case "==":
      return actual === wanted;
    case "<":
      return actual < wanted;
    case ">":
      return actual > wanted;
    case "<=":
      return actual <= wanted;
    default:
      return actual >= wanted;
  }
}

function expected(
  view: InventoryView,
  filter: Shape | null,
  sort: { property: string; descending: boolean } | null,
  pageSize: number,
  page: number,
) {
  let sessions = view.all("jobSessions").filter((s) => filter === null || holds(filter, s, view));
  if (sort !== null) {
    const key = (s: JobSession) => reference[sort.property]!(s, view);
    const position = new Map(view.all("jobSessions").map((s, i) => [s, i]));
    sessions = [...sessions].sort((a, b) => {
      const [ka, kb] = [key(a), key(b)];
      if (ka !== kb) return ka === null ? -1 : kb === null ? 1 : ka < kb ? -1 : 1;
      return position.get(a)! - position.get(b)!;
    });
    if (sort.descending) sessions.reverse();
  }
  return {
    total: sessions.length,
    ids: sessions.slice((page - 1) * pageSize, page * pageSize).map((s) => s.id),
  };
}

describe("query engine against a reference", () => {
  it("selects, sorts and pages as a plain filter-sort-slice would", () => {
    const sorts = fc.option(
      fc.record({ property: fc.constantFrom(...Object.keys(reference)), descending: fc.boolean() }),
      { nil: null },
    );
    fc.assert(
      fc.property(
        arbitrarySessions,
        fc.option(arbitraryFilter, { nil: null }),
        sorts,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 8 }),
        (specs, filter, sort, pageSize, page) => {
          const view = viewOf(specs);
          const property = sort && propertyOf(BACKUP_JOB_SESSION, sort.property)!;
          const result = runQuery(
            view,
            {
              type: BACKUP_JOB_SESSION,
              filter: filter === null ? undefined : parseFilter(printFilter(filter)),
              sort: property ? { property, descending: sort!.descending } : undefined,
              pageSize,
              page,
            },
            NOW_HERE,
          );
          const want = expected(view, filter, sort, pageSize, page);
          assert.deepEqual(
            result.items.map((s) => s.id),
            want.ids,
          );
          assert.equal(result.total, want.total);
          assert.equal(result.pagesCount, Math.max(1, Math.ceil(want.total / pageSize)));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("query engine: paging and sorting", () => {
  const view = smallView();
  const page = (options: {
    sortBy?: string;
    descending?: boolean;
    pageSize: number;
    page: number;
  }) => {
    const property =
      options.sortBy === undefined ? undefined : propertyOf(BACKUP_JOB_SESSION, options.sortBy)!;
    return runQuery(
      view,
      {
        type: BACKUP_JOB_SESSION,
        sort: property && { property, descending: options.descending ?? false },
        pageSize: options.pageSize,
        page: options.page,
      },
      NOW,
    );
  };
  const numbers = (items: { id: string }[]) =>
    items.map((item) => Number.parseInt(item.id.slice(-4), 16));

  it("pages the default order, which is the inventory's", () => {
    const second = page({ pageSize: 2, page: 2 });
    assert.deepEqual(numbers(second.items), [53, 54]);
    assert.deepEqual(
      [second.total, second.pageNum, second.pageSize, second.pagesCount],
      [5, 2, 2, 3],
    );
    assert.deepEqual(numbers(page({ pageSize: 2, page: 3 }).items), [55]);
  });

  it("answers a page past the last one with no objects", () => {
    const past = page({ pageSize: 2, page: 9 });
    assert.deepEqual([past.items.length, past.total, past.pagesCount], [0, 5, 3]);
  });

  it("counts an empty result as one page", () => {
    const none = runQuery(
      view,
      {
        type: BACKUP_JOB_SESSION,
        filter: parseFilter("Result==Failed;IsRetry==true"),
        pageSize: 100,
        page: 1,
      },
      NOW,
    );
    assert.deepEqual([none.items.length, none.total, none.pagesCount], [0, 0, 1]);
  });

  it("sorts by a name without regard to case, and descending as the exact reverse", () => {
    assert.deepEqual(
      numbers(page({ sortBy: "JobName", pageSize: 10, page: 1 }).items),
      [53, 54, 51, 52, 55],
    );
    assert.deepEqual(
      numbers(page({ sortBy: "JobName", descending: true, pageSize: 10, page: 1 }).items),
      [55, 52, 51, 54, 53],
    );
  });

  it("sorts by a property that follows the clock", () => {
    assert.deepEqual(
      numbers(page({ sortBy: "Result", pageSize: 10, page: 1 }).items),
      [55, 51, 54, 52, 53],
    );
  });
});
