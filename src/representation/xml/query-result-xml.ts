import type { QueryResultModel } from "../../query/query-result.js";
import { NAMESPACES } from "./xml-namespaces.js";
import { xmlLinks } from "./xml-resource.js";
import { XML_DECLARATION, element } from "./xml-writer.js";

// XSD QueryResultType: Refs or Entities (one member, the type's list), then PagingInfo with
// its attributes in the XSD's order and its links (get_query_backupjobsession example).
// Attribute values are escaped by the writer, so the links' `&` goes out as `&amp;`, as the
// vendor's special_symbols page shows.

/** The XML `QueryResult`; items are already XML elements (`Ref`s or entities). */
export function queryResultXml(model: QueryResultModel): string {
  const items = model.items.join("");
  const found =
    model.format === "Refs"
      ? element("Refs", [], items)
      : element("Entities", [], element(model.entities, [], items));
  const { pageNum, pageSize, pagesCount, links } = model.paging;
  const paging = element(
    "PagingInfo",
    [
      ["PageNum", String(pageNum)],
      ["PageSize", String(pageSize)],
      ["PagesCount", String(pagesCount)],
    ],
    xmlLinks(links),
  );
  return `${XML_DECLARATION}\n${element("QueryResult", NAMESPACES, found + paging)}`;
}
