import fc from "fast-check";
import type { FilterNode, Operator } from "../../src/query/filter-parser.js";

/** A filter's AST without positions, for comparing what two texts mean. */
export type Shape =
  | { kind: "compare"; property: string; operator: Operator; value: string }
  | { kind: "and" | "or"; operands: Shape[] };

export function shapeOf(node: FilterNode): Shape {
  if (node.kind === "compare") {
    const { property, operator, value } = node;
    return { kind: "compare", property, operator, value };
  }
  return { kind: node.kind, operands: node.operands.map(shapeOf) };
}

/** Writes a filter back as text: values always quoted, nested junctions in parentheses. */
export function printFilter(shape: Shape): string {
  if (shape.kind === "compare") {
    return `${shape.property}${shape.operator}"${shape.value.replaceAll('"', '""')}"`;
  }
  const separator = shape.kind === "and" ? ";" : ",";
  return shape.operands
    .map((operand) =>
      operand.kind === "compare" ? printFilter(operand) : `(${printFilter(operand)})`,
    )
    .join(separator);
}

const OPERATORS: Operator[] = ["==", "!=", "<", ">", "<=", ">="];

export const propertyName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);

/** Random filters of any shape, with any characters in their values. */
export const arbitraryShape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record(
      {
        kind: fc.constant("compare" as const),
        property: propertyName,
        operator: fc.constantFrom(...OPERATORS),
        value: fc.string({ unit: "grapheme", maxLength: 12 }),
      },
      { noNullPrototype: true },
    ),
    fc.record(
      {
        kind: fc.constantFrom("and" as const, "or" as const),
        operands: fc.array(tie("node"), { minLength: 2, maxLength: 4 }),
      },
      { noNullPrototype: true },
    ),
  ),
})).node;
