import { Fault } from "../faults/fault.js";
import type { ObjectWriter } from "./answer-query.js";

/**
 * The writers of a query's objects, one per representation. They belong with the resource
 * representations of each kind (references and entities of jobs, sessions…), which are not
 * written yet: until then a page with objects on it answers 501, and an empty page is
 * answered in full.
 */
export function objectWriterFor(representation: "xml" | "json"): ObjectWriter {
  return (type, format, items) => {
    if (items.length === 0) return [];
    throw new Fault(
      "NotImplemented",
      `Writing ${type.name} ${format === "Refs" ? "references" : "entities"} in ${representation.toUpperCase()} is not served by emrest yet.`,
    );
  };
}
