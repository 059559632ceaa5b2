import type { Attributes } from "./xml-writer.js";

export const VEEAM_NS = "http://www.veeam.com/ent/v1.0";
export const XSD_NS = "http://www.w3.org/2001/XMLSchema";
export const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

/** The root's namespaces in the order of the current docs' examples (http_authentication). */
export const NAMESPACES: Attributes = [
  ["xmlns:xsd", XSD_NS],
  ["xmlns:xsi", XSI_NS],
  ["xmlns", VEEAM_NS],
];
