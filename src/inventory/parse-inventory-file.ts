import { LineCounter, parseDocument } from "yaml";

/** Raised when an inventory file is not well-formed JSON or YAML; the message says where. */
export class InventoryFileMalformed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InventoryFileMalformed";
  }
}

export type InventoryFileFormat = "json" | "yaml";

/** JSON for `.json`, YAML for `.yaml` and `.yml`; otherwise JSON when the text starts with `{`. */
export function formatOf(fileName: string, text?: string): InventoryFileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return text !== undefined && text.trimStart().startsWith("{") ? "json" : "yaml";
}

/**
 * The document an inventory file holds, parsed but not yet checked (`validateInventory` does
 * that). A syntax error names its line and column where the parser gives a position.
 */
export function parseInventoryText(text: string, format: InventoryFileFormat): unknown {
  // A byte-order mark is what some Windows editors start a UTF-8 file with.
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  return format === "json" ? parseJson(body) : parseYaml(body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // V8 says "… in JSON at position N"; a line and column are what an editor can go to.
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : jsonErrorAt(text);
    const what = message.replace(/\s*(in JSON )?at position \d+.*$/, "").replace(/, ".*$/s, "");
    throw new InventoryFileMalformed(`not valid JSON${where}: ${what}`);
  }
}

/**
 * Where the JSON goes wrong when V8 does not say ("Unexpected token '}', … is not valid JSON"):
 * JSON is YAML's flow style, so the YAML parser finds the spot; the end for a cut-off text.
 */
function jsonErrorAt(text: string): string {
  const at = parseDocument(text).errors[0]?.linePos?.[0];
  if (at !== undefined) return ` at line ${at.line}, column ${at.col}`;
  return text.trim() === "" ? "" : ` at ${lineAndColumn(text, text.trimEnd().length)}`;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

function parseYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  // An inventory file is plain data: toJS limits aliases, so a "billion laughs" file fails fast.
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const error = document.errors[0];
  if (error !== undefined) {
    const at = error.linePos?.[0];
    const where = at ? ` at line ${at.line}, column ${at.col}` : "";
    const what = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new InventoryFileMalformed(`not valid YAML${where}: ${what}`);
  }
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InventoryFileMalformed(`YAML not usable: ${(error as Error).message}`);
  }
}
