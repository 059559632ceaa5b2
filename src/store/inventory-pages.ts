import { setImmediate as nextTurn } from "node:timers/promises";

import { recordKey } from "./inventory-writes.js";
import { StoreUnavailable, type InventoryChanges, type InventoryRecord } from "./store.js";

/** A stored record with the revision of the write that last put it. */
export interface RevisedRecord extends InventoryRecord {
  revision: number;
}

/** One page as a store reads it in a single snapshot: the state and the records after `after`. */
export interface InventoryPage {
  generation: number;
  revision: number;
  /** Records of the current generation with a revision above `after`, ascending, at most `limit`. */
  records: RevisedRecord[];
}

export type ReadPage = (after: number, limit: number) => Promise<InventoryPage>;

/** Records per page: about a megabyte of bodies, a few milliseconds of work per page. */
export const PAGE_SIZE = 5000;

/** A read that sees the inventory replaced this often in a row gives up. */
const MAX_RESTARTS = 5;

/**
 * `readInventory` for stores that read in pages, so that 200,000 records neither come in one
 * reply nor hold the event loop. Pages need not share a snapshot: revisions only grow, and a
 * record written again moves to a higher revision, so reading up to a page that is not full
 * sees every record at least once and the latest copy last. A record seen twice keeps its
 * later place. The state comes from that last page, read in the same snapshot as its records.
 * When the generation changes between pages, the read starts over.
 */
export async function readInPages(
  since: { generation: number; revision: number },
  readPage: ReadPage,
  limit = PAGE_SIZE,
): Promise<InventoryChanges> {
  for (let attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
    const changes = await readOnce(since, readPage, limit);
    if (changes) return changes;
  }
  throw new StoreUnavailable("the inventory was replaced too often to be read; try again");
}

async function readOnce(
  since: { generation: number; revision: number },
  readPage: ReadPage,
  limit: number,
): Promise<InventoryChanges | undefined> {
  let page = await readPage(since.revision, limit);
  const complete = !continues(since, page);
  if (complete && since.revision !== 0) page = await readPage(0, limit);

  const generation = page.generation;
  const found = new Map<string, InventoryRecord>();
  for (;;) {
    for (const { kind, id, body } of page.records) {
      const key = recordKey({ kind, id });
      found.delete(key);
      found.set(key, { kind, id, body });
    }
    if (page.records.length < limit) break;

    // A store that answers at once (SQLite) would otherwise read every page in one turn.
    await nextTurn();
    page = await readPage(page.records[page.records.length - 1].revision, limit);
    if (page.generation !== generation) return undefined;
  }
  return { generation, revision: page.revision, records: [...found.values()], complete };
}

/** Whether a reader at `since` may take only what came after it. */
function continues(since: { generation: number; revision: number }, page: InventoryPage) {
  return (
    since.generation !== 0 &&
    since.generation === page.generation &&
    since.revision <= page.revision
  );
}
