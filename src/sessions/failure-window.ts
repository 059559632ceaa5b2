/**
 * Recent failures per key in a sliding window, in bounded memory: at most `capacity` keys,
 * each holding at most `limit` instants. When full, the key whose last failure is oldest
 * gives way, so an attacker who sprays new keys cannot grow the map.
 */
export class FailureWindow {
  /** Insertion order is the order of last failure: the first key is the stalest. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly capacity: number,
  ) {}

  /** True when the key has `limit` failures within the window ending at `now`. */
  isFull(key: string, now: number): boolean {
    if (this.limit <= 0) return false;
    const times = this.failures.get(key);
    if (times === undefined) return false;

    const live = times.filter((time) => time > now - this.windowMs);
    if (live.length === 0) this.failures.delete(key);
    else if (live.length < times.length) this.failures.set(key, live);
    return live.length >= this.limit;
  }

  record(key: string, now: number): void {
    if (this.limit <= 0) return;
    const times = this.failures.get(key) ?? [];
    this.failures.delete(key);

    times.push(now);
    if (times.length > this.limit) times.splice(0, times.length - this.limit);
    this.failures.set(key, times);

    if (this.failures.size > this.capacity) {
      this.failures.delete(this.failures.keys().next().value!);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  /** How many keys are held; for tests of the bound. */
  get size(): number {
    return this.failures.size;
  }
}
