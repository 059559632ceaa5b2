/**
 * Values stamped with a time, sorted once so that a count or a sum over a window is two
 * binary searches instead of a pass over every item.
 */
export class TimeSeries {
  readonly #times: Float64Array;
  /** `#sums[i]` is the sum of the first `i` values. */
  readonly #sums: Float64Array;

  constructor(entries: { time: number; value: number }[]) {
    const sorted = [...entries].sort((a, b) => a.time - b.time);
    this.#times = Float64Array.from(sorted, (entry) => entry.time);
    this.#sums = new Float64Array(sorted.length + 1);
    sorted.forEach((entry, i) => (this.#sums[i + 1] = this.#sums[i] + entry.value));
  }

  /** How many entries have `from < time <= to`. */
  countIn(from: number, to: number): number {
    return this.#after(to) - this.#after(from);
  }

  /** The sum of the values of the entries with `from < time <= to`. */
  sumIn(from: number, to: number): number {
    return this.#sums[this.#after(to)] - this.#sums[this.#after(from)];
  }

  /** The number of entries with `time <= limit`. */
  #after(limit: number): number {
    let low = 0;
    let high = this.#times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.#times[middle] <= limit) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
