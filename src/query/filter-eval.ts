import { FilterError, type Comparison, type FilterNode, type Operator } from "./filter-parser.js";
import { keyOfText, type Key } from "./property.js";
import { propertyNames, propertyOf } from "./query-type.js";
import type { TypeTable } from "./type-table.js";

/** Whether the object at a position of the table matches. */
export type Predicate = (position: number) => boolean;

/**
 * Turns a parsed filter into a predicate over one table's positions. Every property name and
 * value is checked here, before any object is read: a name the type does not have, or a value
 * that does not fit the property (a word for a number, a result the vendor does not list),
 * is a `FilterError` at that name or value. The predicate then compares precomputed keys.
 */
export function compileFilter<T>(node: FilterNode, table: TypeTable<T>, now: number): Predicate {
  if (node.kind === "compare") return compileComparison(node, table, now);

  const parts = node.operands.map((operand) => compileFilter(operand, table, now));
  return node.kind === "and" ? allOf(parts) : anyOf(parts);
}

function compileComparison<T>(node: Comparison, table: TypeTable<T>, now: number): Predicate {
  const property = propertyOf(table.type, node.property);
  if (property === undefined) {
    throw new FilterError(
      `The filter is not valid at position ${node.position}: ${table.type.name} has no ` +
        `property ${node.property}. It has: ${propertyNames(table.type)}.`,
      node.position,
      node.property,
    );
  }

  const value = keyOfText(property, node.value);
  if (value !== null && typeof value === "object") {
    throw new FilterError(
      `The filter is not valid at position ${node.valuePosition}: ${value.reason}.`,
      node.valuePosition,
      node.value,
    );
  }
  return compare(table.reader(property, now), node.operator, value);
}

// One closure per operator, so the loop over 100,000 objects does no dispatch of its own.
function compare(key: (position: number) => Key, operator: Operator, value: Key): Predicate {
  switch (operator) {
    case "==":
      return (i) => key(i) === value;
    case "!=":
      return (i) => key(i) !== value;
    case "<":
      return (i) => {
        const k = key(i);
        return k !== null && k < value!;
      };
    case ">":
      return (i) => {
        const k = key(i);
        return k !== null && k > value!;
      };
    case "<=":
      return (i) => {
        const k = key(i);
        return k !== null && k <= value!;
      };
    case ">=":
      return (i) => {
        const k = key(i);
        return k !== null && k >= value!;
      };
  }
}

function allOf(parts: Predicate[]): Predicate {
  if (parts.length === 2) {
    const [a, b] = parts as [Predicate, Predicate];
    return (i) => a(i) && b(i);
  }
  return (i) => parts.every((part) => part(i));
}

function anyOf(parts: Predicate[]): Predicate {
  if (parts.length === 2) {
    const [a, b] = parts as [Predicate, Predicate];
    return (i) => a(i) || b(i);
  }
  return (i) => parts.some((part) => part(i));
}
