/**
 * How JSON member names are spelled. EM 12 writes PascalCase (`BackupServers`, `UID`,
 * `Links[].Rel`); EM 13 writes the same members in camelCase (`backupServers`, `uid`,
 * `links[].rel`), and exporters written for it read that spelling case-sensitively. The JSON
 * writers take their names as EM 12 spells them and pass each through a `Spell`.
 */

export const JSON_CASINGS = ["pascal", "camel"] as const;
export type JsonCasing = (typeof JSON_CASINGS)[number];

/** One member name, given as EM 12 spells it, as the reply spells it. */
export type Spell = (name: string) => string;

const upper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase();

/**
 * A name as EM 13 spells it: the leading capitals lowered, but for the last one of a run
 * that goes on into small letters (`UID` → `uid`, `NASJobs` → `nasJobs`,
 * `VAppRestorePoints` → `vAppRestorePoints`); later capitals stay (`CreationTimeUTC` →
 * `creationTimeUTC`). This is Json.NET's camelCase, and every key of the EM 13 captures
 * follows it.
 */
export function camelName(name: string): string {
  let lowered = 0;
  while (lowered < name.length && upper(name[lowered])) {
    const next = name[lowered + 1];
    if (lowered > 0 && next !== undefined && !upper(next)) break;
    lowered++;
  }
  return name.slice(0, lowered).toLowerCase() + name.slice(lowered);
}

const pascal: Spell = (name) => name;

// The names are the writers' own (schema members, list names), a few hundred at most; the
// bound only keeps a mistake from growing the map without end.
const SPELLED_LIMIT = 4096;
const camelNames = new Map<string, string>();

const camel: Spell = (name) => {
  let spelled = camelNames.get(name);
  if (spelled !== undefined) return spelled;
  if (camelNames.size >= SPELLED_LIMIT) camelNames.clear();
  camelNames.set(name, (spelled = camelName(name)));
  return spelled;
};

/** The `Spell` of a casing: PascalCase names are the writers' own and pass unchanged. */
export function spellingOf(casing: JsonCasing): Spell {
  return casing === "camel" ? camel : pascal;
}
