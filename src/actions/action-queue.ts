/**
 * Runs job actions one at a time, in the order they arrive. An action reads the inventory,
 * decides (a job that is running is not started again) and writes what it decided; two that
 * overlap would both decide on the same reading, and ten starts of one job sent together
 * started two runs of it over a store that answers over the network. Across nodes the
 * write itself is conditional (`decideAndWrite`).
 */
export class ActionQueue {
  private last: Promise<unknown> = Promise.resolve();

  /** Runs `step` once every action queued before it has finished, whether or not it failed. */
  run<T>(step: () => Promise<T>): Promise<T> {
    const turn = this.last.then(step, step);
    this.last = turn.catch(() => undefined);
    return turn;
  }
}
