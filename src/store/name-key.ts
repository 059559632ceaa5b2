/**
 * The form in which stores compare account domains, account names and tenant names: Windows
 * matches `DOMAIN\name` case-insensitively, for non-ASCII letters too (`ÄMT\Müller`), which
 * SQL `NOCASE` collations do not do, so stores compare this key instead.
 */
export function nameKey(value: string): string {
  return value.toLowerCase();
}
