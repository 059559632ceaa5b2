import type { HierarchyItem } from "../../lookup/lookup.js";
import type { Link } from "../representation.js";
import {
  XML_DECLARATION,
  element,
  emptyElement,
  textElement,
  type Attributes,
} from "./xml-writer.js";
import { NAMESPACES } from "./xml-namespaces.js";
import { xmlLinks } from "./xml-resource.js";

// QuerySvc and LookupSvc are ResourceTypes with links only (XSD QuerySvcType, LookupSvcType);
// a HierarchyItem has ObjectRef, ObjectType, ObjectName and the Type attribute, without an
// Href, as the vendor's lookup_query example shows.

/** `<QuerySvc Type="QueryService">` or `<LookupSvc Type="LookupService">` with its links. */
export function serviceXml(root: "QuerySvc" | "LookupSvc", href: string, links: Link[]): string {
  const type = root === "QuerySvc" ? "QueryService" : "LookupService";
  const attributes: Attributes = [["Href", href], ["Type", type], ...NAMESPACES];
  const content = xmlLinks(links);
  return `${XML_DECLARATION}\n${element(root, attributes, content)}`;
}

export function hierarchyItemsXml(items: HierarchyItem[]): string {
  const written = items.map((item) =>
    element(
      "HierarchyItem",
      [["Type", "HierarchyItem"]],
      textElement("ObjectRef", item.objectRef) +
        textElement("ObjectType", item.objectType) +
        textElement("ObjectName", item.objectName),
    ),
  );
  return `${XML_DECLARATION}\n${element("HierarchyItems", NAMESPACES, written.join(""))}`;
}
