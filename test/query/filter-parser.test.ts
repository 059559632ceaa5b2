import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { FilterError, MAX_NESTING, parseFilter } from "../../src/query/filter-parser.js";
import { arbitraryShape, printFilter, shapeOf, type Shape } from "./filter-text.js";

const is = (property: string, operator: string, value: string): Shape =>
  ({ kind: "compare", property, operator, value }) as Shape;
const and = (...operands: Shape[]): Shape => ({ kind: "and", operands });
const or = (...operands: Shape[]): Shape => ({ kind: "or", operands });
const parsed = (text: string) => shapeOf(parseFilter(text));

function failure(text: string): FilterError {
  try {
    parseFilter(text);
  } catch (error) {
    assert.ok(error instanceof FilterError, `expected a FilterError for ${text}`);
    return error;
  }
  assert.fail(`${text} parsed`);
}

describe("filter parser: the vendor's examples", () => {
  it("reads a comparison with each of the six operators", () => {
    for (const operator of ["==", "!=", "<", ">", "<=", ">="]) {
      assert.deepEqual(
        parsed(`FreeSpace${operator}107374182400`),
        is("FreeSpace", operator, "107374182400"),
      );
    }
  });

  it("reads ; as AND and , as OR (query_and_or)", () => {
    assert.deepEqual(
      parsed("jobtype==backup;platform==hyperv"),
      and(is("jobtype", "==", "backup"), is("platform", "==", "hyperv")),
    );
    assert.deepEqual(
      parsed("Result==Failed,Result==Warning"),
      or(is("Result", "==", "Failed"), is("Result", "==", "Warning")),
    );
  });

  it("groups with parentheses (query_grouping)", () => {
    assert.deepEqual(
      parsed(
        "(jobtype==replica;scheduleconfigured==false),(jobtype==backup;scheduleconfigured==true)",
      ),
      or(
        and(is("jobtype", "==", "replica"), is("scheduleconfigured", "==", "false")),
        and(is("jobtype", "==", "backup"), is("scheduleconfigured", "==", "true")),
      ),
    );
  });

  it("reads quoted values with spaces and doubled quotes inside", () => {
    assert.deepEqual(parsed('name=="Exchange Backup"'), is("name", "==", "Exchange Backup"));
    assert.deepEqual(parsed('name=="say ""hi"" ;,()"'), is("name", "==", 'say "hi" ;,()'));
    assert.deepEqual(parsed('name==""'), is("name", "==", ""));
  });

  it("reads the quoted UTC time an exporter sends", () => {
    assert.deepEqual(
      parsed('CreationTime>="2026-06-14T21:07:25"'),
      is("CreationTime", ">=", "2026-06-14T21:07:25"),
    );
    assert.deepEqual(
      parsed("Result==Failed;CreationTime>=2025-08-15T06:00:00Z"),
      and(is("Result", "==", "Failed"), is("CreationTime", ">=", "2025-08-15T06:00:00Z")),
    );
  });

  it("ignores white space between tokens", () => {
    assert.deepEqual(
      parsed(' ( a == 1 ; b <= x ) , c != "y" '),
      or(and(is("a", "==", "1"), is("b", "<=", "x")), is("c", "!=", "y")),
    );
  });

  it("records where each comparison and its value start", () => {
    const node = parseFilter('a==1; Name == "x"');
    assert.equal(node.kind, "and");
    const second = node.kind === "and" ? node.operands[1] : undefined;
    assert.equal(second?.kind === "compare" && second.position, 7);
    assert.equal(second?.kind === "compare" && second.valuePosition, 15);
  });
});

describe("filter parser: precedence", () => {
  it("binds ; tighter than , as FIQL does", () => {
    assert.deepEqual(
      parsed("a==1;b==2,c==3"),
      or(and(is("a", "==", "1"), is("b", "==", "2")), is("c", "==", "3")),
    );
    assert.deepEqual(
      parsed("a==1,b==2;c==3"),
      or(is("a", "==", "1"), and(is("b", "==", "2"), is("c", "==", "3"))),
    );
  });

  it("lets parentheses override it", () => {
    assert.deepEqual(
      parsed("a==1;(b==2,c==3)"),
      and(is("a", "==", "1"), or(is("b", "==", "2"), is("c", "==", "3"))),
    );
  });
});

describe("filter parser: errors point at the offending part", () => {
  const cases: [text: string, position: number, near: string, says: RegExp][] = [
    ["name==Exchange Backup", 16, "Backup", /double quotes/],
    ['name="x"', 5, "=", /'=' alone is not one: use '=='/],
    ["(a==1", 6, "the end of the filter", /close the '\(' at position 1/],
    ["a==1)", 5, ")", /no '\(' before it/],
    ["a==", 4, "the end of the filter", /expected a value after a==/],
    ['name=="abc', 7, '"abc', /no closing quote/],
    ["", 1, "the end of the filter", /expected a property name/],
    ["()", 2, ")", /expected a property name/],
    ["a==1;;b==2", 6, ";", /expected a property name/],
    ["a==1,", 6, "the end of the filter", /expected a property name/],
    ["9a==1", 1, "9a==1", /expected a property name/],
    ["a<>1", 3, ">1", /expected a value after a</],
    ["a=>1", 2, "=>1", /expected an operator/],
    ["a==1 b==2", 6, "b==2", /expected ';', ',' or the end/],
  ];

  for (const [text, position, near, says] of cases) {
    it(`refuses ${JSON.stringify(text)} at position ${position}`, () => {
      const error = failure(text);
      assert.equal(error.position, position);
      assert.equal(error.near, near);
      assert.match(error.message, says);
      assert.match(error.message, new RegExp(`position ${position}\\b`));
    });
  }

  it(`accepts parentheses nested ${MAX_NESTING} deep and refuses one more`, () => {
    const nested = (depth: number) => `${"(".repeat(depth)}a==1${")".repeat(depth)}`;
    assert.deepEqual(parsed(nested(MAX_NESTING)), is("a", "==", "1"));
    assert.match(failure(nested(MAX_NESTING + 1)).message, /nest deeper than 64/);
    assert.match(failure("(".repeat(100_000)).message, /nest deeper than 64/);
  });

  it("shortens a long token in the message", () => {
    const error = failure(`a==1 ${"x".repeat(1000)}`);
    assert.ok(error.message.length < 300, error.message);
  });
});

describe("filter parser: properties", () => {
  it("reads back what the printer writes, for any filter", () => {
    fc.assert(
      fc.property(arbitraryShape, (shape) => {
        assert.deepEqual(parsed(printFilter(shape)), shape);
      }),
      { numRuns: 500 },
    );
  });

  it("either parses a string or throws a FilterError pointing inside it", () => {
    const alphabet = fc.constantFrom(...'aZ_1 =!<>;,()"\\ \t:.-'.split(""));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (text) => {
        try {
          parseFilter(text);
        } catch (error) {
          assert.ok(error instanceof FilterError, String(error));
          assert.ok(error.position >= 1 && error.position <= text.length + 1, error.message);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
