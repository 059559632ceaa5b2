import { readFile, writeFile } from "node:fs/promises";
import { stringify } from "yaml";
import { FILE_KINDS, timeFields } from "./inventory-schema.js";
import type { Inventory } from "./model.js";
import { formatOf, parseInventoryText } from "./parse-inventory-file.js";
import { validateInventory } from "./validate.js";

/**
 * Reads and checks an inventory file (JSON or YAML, docs/inventory.md). Throws
 * `InventoryFileMalformed` for a syntax error and `InventoryInvalid` naming each bad field;
 * a file that cannot be read throws the file system's error.
 */
export async function readInventoryFile(path: string): Promise<Inventory> {
  const text = await readFile(path, "utf8");
  return validateInventory(parseInventoryText(text, formatOf(path, text)));
}

/**
 * Writes an inventory as a file `readInventoryFile` accepts back: JSON, or YAML for a `.yaml`
 * or `.yml` name, with times as ISO 8601 UTC text so a person can read them. No `tasks`: they
 * are runtime records of a server, not part of a file.
 */
export async function writeInventoryFile(path: string, inventory: Inventory): Promise<void> {
  const document = inventoryDocument(inventory);
  const text =
    formatOf(path) === "json"
      ? `${JSON.stringify(document, null, 2)}\n`
      : stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
  await writeFile(path, text, "utf8");
}

/** The inventory as a file holds it: every collection but `tasks`, times as text. */
export function inventoryDocument(inventory: Inventory): Record<string, unknown[]> {
  const document: Record<string, unknown[]> = {};
  for (const kind of FILE_KINDS) {
    const times = timeFields(kind);
    document[kind] = (inventory[kind] as unknown as Record<string, unknown>[]).map((item) => {
      const copy = { ...item };
      for (const field of times) {
        if (typeof copy[field] === "number") copy[field] = new Date(copy[field]).toISOString();
      }
      return copy;
    });
  }
  return document;
}
