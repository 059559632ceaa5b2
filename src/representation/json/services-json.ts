import type { HierarchyItem } from "../../lookup/lookup.js";
import type { Link } from "../representation.js";
import type { Spell } from "./json-casing.js";

// Members as for every ResourceType in EM 12's JSON: own ones first, then Links, Href, Type,
// every link with Rel, Href, Name, Type and nulls kept. A HierarchyItem has no links or Href.

/** `QuerySvc`/`LookupSvc` and `HierarchyItems`, their names spelled by `spell`. */
export function servicesWriter(spell: Spell, link: (value: Link) => unknown) {
  const [links, href, type, items, ref, objectType, objectName] = [
    "Links",
    "Href",
    "Type",
    "HierarchyItems",
    "ObjectRef",
    "ObjectType",
    "ObjectName",
  ].map(spell);

  const service = (root: "QuerySvc" | "LookupSvc", at: string, serviceLinks: Link[]) => {
    const kind = root === "QuerySvc" ? "QueryService" : "LookupService";
    return JSON.stringify({ [links]: serviceLinks.map(link), [href]: at, [type]: kind });
  };

  const hierarchyItems = (found: HierarchyItem[]) => {
    const written = found.map((item) => ({
      [ref]: item.objectRef,
      [objectType]: item.objectType,
      [objectName]: item.objectName,
      [links]: null,
      [href]: null,
      [type]: "HierarchyItem",
    }));
    return JSON.stringify({ [items]: written });
  };

  return { service, hierarchyItems };
}
