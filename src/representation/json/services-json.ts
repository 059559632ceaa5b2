import type { HierarchyItem } from "../../lookup/lookup.js";
import type { Link } from "../representation.js";

// Members as for every ResourceType in EM 12's JSON: own ones first, then Links, Href, Type,
// every link with Rel, Href, Name, Type and nulls kept. A HierarchyItem has no links or Href.

function link(value: Link) {
  return { Rel: value.rel, Href: value.href, Name: value.name, Type: value.type };
}

export function serviceJson(root: "QuerySvc" | "LookupSvc", href: string, links: Link[]): string {
  const type = root === "QuerySvc" ? "QueryService" : "LookupService";
  return JSON.stringify({ Links: links.map(link), Href: href, Type: type });
}

export function hierarchyItemsJson(items: HierarchyItem[]): string {
  const written = items.map((item) => ({
    ObjectRef: item.objectRef,
    ObjectType: item.objectType,
    ObjectName: item.objectName,
    Links: null,
    Href: null,
    Type: "HierarchyItem",
  }));
  return JSON.stringify({ HierarchyItems: written });
}
