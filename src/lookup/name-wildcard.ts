/**
 * Whether a name matches a lookup pattern (lookupsvc's `name=`): `*` stands for any run of
 * characters, the rest matches literally, the whole name, without regard to case.
 *
 * Matched piece by piece instead of as a regular expression: `.*` repeated many times makes
 * a backtracking engine try every split of the name, so `name=********b` held the process for
 * seconds. Taking each piece at its first place after the last is enough for `*` alone.
 */
export function wildcardMatcher(pattern: string): (name: string) => boolean {
  const pieces = pattern.trim().toLowerCase().split("*");
  if (pieces.length === 1) return (name) => name.toLowerCase() === pieces[0];
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  const middle = pieces.slice(1, -1).filter((piece) => piece !== "");

  return (given) => {
    const name = given.toLowerCase();
    if (name.length < first.length + last.length) return false;
    if (!name.startsWith(first) || !name.endsWith(last)) return false;

    let from = first.length;
    const end = name.length - last.length;
    for (const piece of middle) {
      const at = name.indexOf(piece, from);
      if (at < 0 || at + piece.length > end) return false;
      from = at + piece.length;
    }
    return true;
  };
}
