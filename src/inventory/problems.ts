/** How many problems an error names; the rest are counted. */
export const PROBLEMS_SHOWN = 20;

/** Raised when an inventory document cannot be used; `problems` name each bad path. */
export class InventoryInvalid extends Error {
  constructor(
    readonly problems: string[],
    readonly total: number,
  ) {
    const more = total > problems.length ? `; and ${total - problems.length} more` : "";
    const count = total === 1 ? "1 problem" : `${total} problems`;
    super(`${count}: ${problems.join("; ")}${more}`);
    this.name = "InventoryInvalid";
  }
}

/** Collects problems as `path: what is wrong`, keeping the first few and counting all. */
export class Problems {
  readonly shown: string[] = [];
  total = 0;

  add(path: string, message: string): void {
    this.total++;
    if (this.shown.length < PROBLEMS_SHOWN) this.shown.push(`${path}: ${message}`);
  }

  get any(): boolean {
    return this.total > 0;
  }

  throwIfAny(): void {
    if (this.any) throw new InventoryInvalid(this.shown, this.total);
  }
}
