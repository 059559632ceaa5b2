/**
 * Lists the inventory has nothing for, served empty rather than as errors: the objects they
 * hold (credentials, password keys, mounted restore points) are not part of the inventory
 * (README, "Not yet").
 */
import type { NodeListModel } from "../representation/resource.js";

/**
 * An empty list with the vendor's root element. JSON names the array after its items with an
 * `s` (`Includes` holds `"ObjectInJobs"` in the docs' Job example); the vendor documents no
 * JSON for these lists.
 */
export function emptyInfoList(rootElement: string, itemElement: string): NodeListModel {
  return { rootElement, itemElement, jsonName: `${itemElement}s`, items: [] };
}
