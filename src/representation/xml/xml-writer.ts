/**
 * A small XML writer: escaping, the characters XML 1.0 forbids, and elements written with
 * their attributes in the order given. Library builders were slower and reorder or
 * under-escape attributes (see STACK.md), so the few shapes emrest needs are written here.
 */

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Attributes in the order they are written; a null or undefined value is left out. */
export type Attributes = ReadonlyArray<readonly [name: string, value: string | null | undefined]>;

// XML 1.0 (section 2.2) allows tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and paired
// surrogates. Everything else is removed before escaping.
const CONTROL_OR_NONCHARACTER = "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]";
const LONE_HIGH_SURROGATE = "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])";
const LONE_LOW_SURROGATE = "(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
const FORBIDDEN = new RegExp(
  `${CONTROL_OR_NONCHARACTER}|${LONE_HIGH_SURROGATE}|${LONE_LOW_SURROGATE}`,
  "g",
);

// Every character that stripping or escaping could change. Most values (URLs, names) hold
// none, and one test is far cheaper than two replacing passes: such values are kept as they are.
const MAY_CHANGE = /[\u0000-\u001F&<>"'\uD800-\uDFFF\uFFFE\uFFFF]/;

const TEXT_SPECIALS = /[&<>\r]/g;
const ATTRIBUTE_SPECIALS = /[&<>"'\t\n\r]/g;

// Tab, LF and CR are written as references: a parser would otherwise turn them into
// spaces in attributes (attribute-value normalisation) and CR into LF in text.
const REFERENCES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Removes the characters XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/F). */
export function stripForbidden(value: string): string {
  return value.replace(FORBIDDEN, "");
}

/** Escapes `& < >` (and CR) for element content. */
export function escapeText(value: string): string {
  if (!MAY_CHANGE.test(value)) return value;
  return stripForbidden(value).replace(TEXT_SPECIALS, replaceSpecial);
}

/** Escapes `& < > " '` (and tab, LF, CR) for a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  if (!MAY_CHANGE.test(value)) return value;
  return stripForbidden(value).replace(ATTRIBUTE_SPECIALS, replaceSpecial);
}

function replaceSpecial(char: string): string {
  return REFERENCES[char] ?? char;
}

function writeAttributes(attributes: Attributes): string {
  let out = "";
  for (const [name, value] of attributes) {
    if (value !== null && value !== undefined) out += ` ${name}="${escapeAttribute(value)}"`;
  }
  return out;
}

/** `<name a="1"/>` */
export function emptyElement(name: string, attributes: Attributes = []): string {
  return `<${name}${writeAttributes(attributes)}/>`;
}

/**
 * `<name a="1">content</name>`, where `content` is already XML (built by these functions).
 * Empty content gives the self-closing form.
 */
export function element(name: string, attributes: Attributes, content: string): string {
  if (content === "") return emptyElement(name, attributes);
  return `<${name}${writeAttributes(attributes)}>${content}</${name}>`;
}

/** `<name>text</name>` with the text escaped. */
export function textElement(name: string, text: string): string {
  return `<${name}>${escapeText(text)}</${name}>`;
}
