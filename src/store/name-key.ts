/**
 * The form in which stores compare account domains, account names and tenant names: Windows
 * matches `DOMAIN\name` case-insensitively, for non-ASCII letters too (`ÄMT\Müller`), which
 * SQL `NOCASE` collations do not do, so stores compare this key instead.
 */
export function nameKey(value: string): string {
  // Upper-casing first folds letters whose capitals have no one-letter lower case
  // (`ß` → `SS`, dotless `ı` → `I`), so `straße` and `STRASSE` name the same domain.
  return value.toUpperCase().toLowerCase();
}
