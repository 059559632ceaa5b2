import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name, jpath) =>
    name === "Link" || name === "SupportedVersion" || jpath === "LogonSessions.LogonSession",
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Parses an XML reply; attributes appear as `@Name`. */
export function parseXml(text: string): Record<string, any> {
  return parser.parse(text);
}
