/** The phases of a run, in order; each request is counted in the phase it started in. */
export const PHASES = ["steady", "node down", "node back", "store down", "store back", "after"];
export type Phase = (typeof PHASES)[number];

/**
 * When something was deliberately down: the store (`"store"`) or a node (by name). A request
 * whose time overlaps such a window may fail in the way that outage excuses, and no other.
 */
export class Timeline {
  readonly #windows: { what: string; from: number; to: number }[] = [];
  readonly #started = Date.now();
  phase: Phase = "steady";

  /** Opens a window now; the function returned closes it. */
  down(what: string): () => void {
    const window = { what, from: Date.now(), to: Infinity };
    this.#windows.push(window);
    return () => void (window.to = Date.now());
  }

  /** True when `what` was down at some moment between `from` and `to`. */
  wasDown(what: string, from: number, to: number): boolean {
    return this.#windows.some((w) => w.what === what && w.from <= to && w.to >= from);
  }

  /** Seconds since the run started, for the log. */
  get seconds(): string {
    return ((Date.now() - this.#started) / 1000).toFixed(1);
  }
}
