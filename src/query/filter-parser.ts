/**
 * The query service's `filter` language (spec section 9; vendor pages query_comparison,
 * query_and_or, query_grouping):
 *
 *   filter     = or
 *   or         = and *( "," and )
 *   and        = primary *( ";" primary )
 *   primary    = "(" or ")" / comparison
 *   comparison = name operator value
 *   operator   = "==" / "!=" / "<=" / ">=" / "<" / ">"
 *   value      = DQUOTE *( any char but DQUOTE / 2DQUOTE ) DQUOTE / bare
 *
 * The vendor does not say which of `;` (AND) and `,` (OR) binds tighter. The syntax is FIQL's
 * (draft-nottingham-atompub-fiql), where AND binds tighter, and we follow it: `a;b,c` is
 * `(a;b),c`. A bare value runs up to white space or one of `; , ( ) "`, so a value with
 * spaces must be quoted, and may not start with `= < > !` (`a<>1` is a typo, not a < ">1");
 * a quote inside a quoted value is doubled. White space between tokens is ignored.
 * Positions in errors count characters from 1.
 */

export type Operator = "==" | "!=" | "<" | ">" | "<=" | ">=";

export interface Comparison {
  kind: "compare";
  property: string;
  operator: Operator;
  value: string;
  /** Where the property name and the value start, for errors found while evaluating. */
  position: number;
  valuePosition: number;
}

export interface Junction {
  kind: "and" | "or";
  operands: FilterNode[];
}

export type FilterNode = Comparison | Junction;

/** A filter that cannot be read, with where and what. */
export class FilterError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly near: string,
  ) {
    super(message);
    this.name = "FilterError";
  }
}

/** Deep enough for any real filter; deeper nesting would only exhaust the stack. */
export const MAX_NESTING = 64;

const OPERATORS: readonly Operator[] = ["==", "!=", "<=", ">=", "<", ">"];
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const BARE_VALUE = /[^\s;,()"=<>!][^\s;,()"]*/y;
const WHITE_SPACE = /\s*/y;
const WORD = /[^\s;,()"]+/y;

/** Parses a filter; throws `FilterError` pointing at the first thing that does not fit. */
export function parseFilter(text: string): FilterNode {
  const parser = new Parser(text);
  const node = parser.or(0);
  parser.skipSpace();
  if (!parser.atEnd()) {
    const found = parser.peek() === ")" ? "a ')' with no '(' before it" : "more text";
    parser.fail(`expected ';', ',' or the end of the filter, found ${found}${quoteHint(parser)}`);
  }
  return node;
}

class Parser {
  #at = 0;

  constructor(readonly text: string) {}

  or(depth: number): FilterNode {
    const operands = [this.and(depth)];
    while (this.accept(",")) operands.push(this.and(depth));
    return operands.length === 1 ? operands[0]! : { kind: "or", operands };
  }

  and(depth: number): FilterNode {
    const operands = [this.primary(depth)];
    while (this.accept(";")) operands.push(this.primary(depth));
    return operands.length === 1 ? operands[0]! : { kind: "and", operands };
  }

  primary(depth: number): FilterNode {
    this.skipSpace();
    if (this.peek() !== "(") return this.comparison();

    const open = this.#at;
    if (depth >= MAX_NESTING) this.fail(`parentheses nest deeper than ${MAX_NESTING} levels`);
    this.#at++;
    const inner = this.or(depth + 1);
    this.skipSpace();
    if (this.peek() !== ")") {
      this.fail(`expected ')' to close the '(' at position ${open + 1}${quoteHint(this)}`);
    }
    this.#at++;
    return inner;
  }

  comparison(): Comparison {
    const position = this.#at + 1;
    const property = this.match(NAME);
    if (property === undefined) this.fail("expected a property name");

    this.skipSpace();
    const operator = OPERATORS.find((op) => this.text.startsWith(op, this.#at));
    if (operator === undefined) {
      const single = this.peek() === "=" ? " ('=' alone is not one: use '==')" : "";
      this.fail(`expected an operator ==, !=, <, >, <= or >= after ${property}${single}`);
    }
    this.#at += operator.length;

    this.skipSpace();
    const valuePosition = this.#at + 1;
    const value = this.peek() === '"' ? this.quoted() : this.match(BARE_VALUE);
    if (value === undefined) this.fail(`expected a value after ${property}${operator}`);
    return { kind: "compare", property, operator, value, position, valuePosition };
  }

  quoted(): string {
    const open = this.#at;
    let value = "";
    let from = open + 1;
    for (let i = from; i < this.text.length; i++) {
      if (this.text[i] !== '"') continue;
      value += this.text.slice(from, i);
      if (this.text[i + 1] === '"') {
        value += '"';
        from = ++i + 1;
        continue;
      }
      this.#at = i + 1;
      return value;
    }
    this.fail("this quoted value has no closing quote");
  }

  accept(char: string): boolean {
    this.skipSpace();
    if (this.peek() !== char) return false;
    this.#at++;
    return true;
  }

  match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.#at;
    const found = pattern.exec(this.text);
    if (found === null) return undefined;
    this.#at += found[0].length;
    return found[0];
  }

  skipSpace(): void {
    this.match(WHITE_SPACE);
  }

  peek(): string | undefined {
    return this.text[this.#at];
  }

  atEnd(): boolean {
    return this.#at >= this.text.length;
  }

  /** The token at the cursor as the user typed it, for the message. */
  near(): string {
    if (this.atEnd()) return "the end of the filter";
    WORD.lastIndex = this.#at;
    const word =
      this.peek() === '"'
        ? this.text.slice(this.#at)
        : (WORD.exec(this.text)?.[0] ?? this.text[this.#at]!);
    return word.length > 40 ? `${word.slice(0, 40)}…` : word;
  }

  fail(what: string): never {
    const near = this.near();
    const shown = this.atEnd() ? near : `'${near}'`;
    throw new FilterError(
      `The filter is not valid at position ${this.#at + 1}, near ${shown}: ${what}.`,
      this.#at + 1,
      near,
    );
  }
}

// The usual cause of a stray word after a value is an unquoted value with a space in it.
function quoteHint(parser: Parser): string {
  const next = parser.peek();
  return next !== undefined && /[^\s;,()]/.test(next)
    ? " (put a value that contains spaces in double quotes)"
    : "";
}
