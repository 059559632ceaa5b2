import { Bad, describe } from "./field-checks.js";
import { FILE_KINDS, INVENTORY_SCHEMA, KIND_NOUNS, type FileKind } from "./inventory-schema.js";
import { checkRules } from "./inventory-rules.js";
import type { Inventory } from "./model.js";
import { Problems } from "./problems.js";

type Loose = Record<string, unknown>;

/**
 * Checks an untrusted inventory document (parsed JSON or YAML) and returns it as an
 * `Inventory`: ids in lower case, times in epoch milliseconds, left-out fields filled in.
 * A missing collection is empty; the result has no `tasks`, which are runtime records of job
 * actions and never part of a file (a `tasks` key is a problem). Throws `InventoryInvalid` naming each bad path, e.g.
 * `jobs[3].repositoryId: no repository with id …`.
 *
 * Three rounds: each field's type and range, then that every id is unique and every reference
 * names an object of the right kind, then the rules between objects (which assume the first
 * two rounds passed, so their problems show once those are fixed).
 */
export function validateInventory(document: unknown): Inventory {
  const problems = new Problems();
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    problems.add("(document)", `expected a mapping of collections, got ${describe(document)}`);
    problems.throwIfAny();
  }

  const raw = document as Loose;
  for (const key of Object.keys(raw)) checkCollectionName(key, problems);
  const inventory = {} as Record<FileKind, Loose[]>;
  for (const kind of FILE_KINDS) inventory[kind] = checkCollection(raw, kind, problems);

  const ids = indexIds(inventory, problems);
  for (const kind of FILE_KINDS) checkReferences(inventory, kind, ids, problems);
  problems.throwIfAny();

  const checked = { ...inventory, tasks: [] } as unknown as Inventory;
  checkRules(checked, problems);
  problems.throwIfAny();
  return checked;
}

function checkCollectionName(key: string, problems: Problems): void {
  if (key === "tasks") {
    problems.add(key, "tasks are what clients asked of a running server, not part of a file");
  } else if (!(FILE_KINDS as readonly string[]).includes(key)) {
    problems.add(key, `unknown collection (known: ${FILE_KINDS.join(", ")})`);
  }
}

function checkCollection(raw: Loose, kind: FileKind, problems: Problems): Loose[] {
  const items = raw[kind];
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) {
    problems.add(kind, `expected a list, got ${describe(items)}`);
    return [];
  }
  return items.map((item, index) => checkObject(item, kind, `${kind}[${index}]`, problems));
}

function checkObject(item: unknown, kind: FileKind, path: string, problems: Problems): Loose {
  const checked: Loose = {};
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    problems.add(path, `expected a mapping of fields, got ${describe(item)}`);
    return checked;
  }

  const fields = INVENTORY_SCHEMA[kind] as Record<
    string,
    (typeof INVENTORY_SCHEMA)[FileKind]["id"]
  >;
  const given = item as Loose;
  for (const [name, field] of Object.entries(fields)) {
    const value = given[name];
    if (value === undefined) {
      if (field.fallback === undefined) problems.add(`${path}.${name}`, "is missing");
      else if ((checked[name] = field.fallback()) === undefined) delete checked[name];
      continue;
    }
    const result = field.check(value);
    if (result instanceof Bad) problems.add(`${path}.${name}${result.at}`, result.message);
    else checked[name] = result;
  }

  for (const name of Object.keys(given)) {
    if (!(name in fields)) problems.add(`${path}.${name}`, `unknown field of ${KIND_NOUNS[kind]}`);
  }
  return checked;
}

/** The position of each id per kind; a second object with the same id is a problem. */
function indexIds(
  inventory: Record<FileKind, Loose[]>,
  problems: Problems,
): Map<FileKind, Map<string, number>> {
  const ids = new Map<FileKind, Map<string, number>>();
  for (const kind of FILE_KINDS) {
    const positions = new Map<string, number>();
    inventory[kind].forEach((item, index) => {
      const id = item.id as string | undefined;
      if (id === undefined) return;
      const first = positions.get(id);
      if (first === undefined) positions.set(id, index);
      else problems.add(`${kind}[${index}].id`, `${id} is already the id of ${kind}[${first}]`);
    });
    ids.set(kind, positions);
  }
  return ids;
}

function checkReferences(
  inventory: Record<FileKind, Loose[]>,
  kind: FileKind,
  ids: Map<FileKind, Map<string, number>>,
  problems: Problems,
): void {
  const fields = Object.entries(INVENTORY_SCHEMA[kind] as Record<string, { ref?: FileKind }>);
  const references = fields.filter(([, field]) => field.ref !== undefined);
  if (references.length === 0) return;

  inventory[kind].forEach((item, index) => {
    for (const [name, field] of references) {
      const target = ids.get(field.ref!)!;
      const value = item[name];
      const path = `${kind}[${index}].${name}`;
      const missing = `no ${KIND_NOUNS[field.ref!]} with id`;
      if (typeof value === "string" && !target.has(value))
        problems.add(path, `${missing} ${value}`);
      if (!Array.isArray(value)) continue;
      value.forEach((id: string, at) => {
        if (!target.has(id)) problems.add(`${path}[${at}]`, `${missing} ${id}`);
      });
    }
  });
}
