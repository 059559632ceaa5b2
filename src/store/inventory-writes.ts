import { setImmediate as nextTurn } from "node:timers/promises";

import type { InventoryRecord } from "./store.js";

/**
 * A kind is a key of `Inventory` (`jobSessions`, `vms`, ...). Stores build keys from it
 * (Redis joins `kind:id`), so only letters and digits are taken.
 */
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;

/** Records checked between two turns of the event loop: a few milliseconds of work. */
const CHECK_CHUNK = 10_000;

/**
 * The records of one write, checked and with one record per kind and id: when a write names
 * the same object twice, the later one wins and takes the later place, as if the two had
 * been written one after the other. A malformed record is a caller's bug, refused early.
 * Asynchronous so that checking 200,000 records lets the event loop run in between.
 */
export async function recordsToWrite(
  records: readonly InventoryRecord[],
): Promise<InventoryRecord[]> {
  const lastAt = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % CHECK_CHUNK === 0) await nextTurn();
    checkRecord(records[i]);
    lastAt.set(recordKey(records[i]), i);
  }

  const kept =
    lastAt.size === records.length
      ? records
      : records.filter((record, i) => lastAt.get(recordKey(record)) === i);
  return kept.map(({ kind, id, body }) => ({ kind, id, body }));
}

/** `kind:id`, unambiguous because a kind has no colon. */
export function recordKey(record: { kind: string; id: string }): string {
  return `${record.kind}:${record.id}`;
}

/** The inverse of `recordKey`. */
export function splitRecordKey(key: string): { kind: string; id: string } {
  const colon = key.indexOf(":");
  return { kind: key.slice(0, colon), id: key.slice(colon + 1) };
}

function checkRecord(record: InventoryRecord): void {
  if (typeof record?.kind !== "string" || !KIND.test(record.kind)) {
    throw new TypeError(`an inventory record's kind must be letters and digits: ${record?.kind}`);
  }
  if (typeof record.id !== "string" || record.id === "") {
    throw new TypeError(`an inventory record of kind ${record.kind} has no id`);
  }
  if (typeof record.body !== "string") {
    throw new TypeError(`the inventory record ${recordKey(record)} has no JSON body`);
  }
}
