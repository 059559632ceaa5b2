import { randomInt } from "node:crypto";

// EM numbers tasks `task-1`, `task-2`, … per server. Several emrest nodes share one store that
// has no counter, so N is the second of creation followed by 20 random bits: ids grow with
// time as EM's do, and two nodes pick the same one only within one second and with odds of
// one in a million. N stays below 2^53 until the year 2242, so every client reads it exactly.
const RANDOM_BITS = 2 ** 20;

/** A new `task-N` that `taken` does not already name. */
export function newTaskId(now: number, taken: (id: string) => boolean): string {
  const second = Math.floor(now / 1000);
  for (;;) {
    const id = `task-${second * RANDOM_BITS + randomInt(RANDOM_BITS)}`;
    if (!taken(id)) return id;
  }
}
