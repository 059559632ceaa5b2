/**
 * Where the tasks of one run sit in time. A proxy processes a few VMs at once and takes the
 * next VM as soon as one is done, so a run's tasks overlap in a handful of lanes. Both the
 * generated history and the runs started through the API lay their tasks out here, so the
 * two look alike.
 */

/** VMs processed at once: the vendor's default of four concurrent tasks on a proxy. */
export const CONCURRENT_TASKS = 4;

/** When one task starts and ends, epoch milliseconds. */
export interface Placement {
  creationTime: number;
  endTime: number;
}

export interface PlacementSteps {
  /** When each lane takes its first task; one lane per entry. */
  laneStarts: number[];
  /** How long the `index`-th task takes. Called once per task, in order. */
  durationOf: (index: number) => number;
  /** The pause before the lane takes its next task. Called right after `durationOf(index)`. */
  pauseAfter: (index: number) => number;
}

/** How many lanes a run of `count` VMs uses. */
export function laneCount(count: number): number {
  return Math.min(CONCURRENT_TASKS, count);
}

/** Places `count` tasks in order, each in the lane that is free first. */
export function placeTasks(count: number, steps: PlacementSteps): Placement[] {
  const lanes = [...steps.laneStarts];
  return Array.from({ length: count }, (_, index) => {
    const lane = lanes.indexOf(Math.min(...lanes));
    const creationTime = lanes[lane]!;
    const endTime = Math.round(creationTime + steps.durationOf(index));
    lanes[lane] = endTime + steps.pauseAfter(index);
    return { creationTime, endTime };
  });
}

/**
 * Spreads placements that start at `start` and end by `from` so they end at `to` instead,
 * keeping their proportions: a run made to last a given time.
 */
export function stretchPlacements<T extends Placement>(
  placements: T[],
  start: number,
  span: { from: number; to: number },
): void {
  const factor = (span.to - start) / Math.max(1, span.from - start);
  for (const placement of placements) {
    placement.creationTime = Math.round(start + (placement.creationTime - start) * factor);
    placement.endTime = Math.round(start + (placement.endTime - start) * factor);
  }
}
