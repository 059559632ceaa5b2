/**
 * Session reads gathered into few statements. Every authenticated request reads its session,
 * and on PostgreSQL each statement costs a round trip and a parse on the server, which on a
 * busy node costs more than the rest of the request. The lookups that arrive while one turn
 * of the event loop runs are sent together once it ends: one SELECT for all their keys, then
 * one UPDATE for the idle windows that are due to slide. Every lookup in a batch arrived
 * before its SELECT was sent, so each still sees the store as of a moment after it was asked.
 */
import type pg from "pg";
import { SLIDE_GRANULARITY_MS, type SessionRecord } from "../store.js";
import * as rows from "./rows.js";
import { toStoreError } from "./store-error.js";

/** $1 the keys. Liveness is judged per key, each by its own caller's clock. */
const FIND_SESSIONS = `SELECT ${rows.SESSION_COLUMNS} FROM sessions WHERE key_hash = ANY($1::bytea[])`;

/**
 * $1 keys, $2 each key's now, $3 each key's slide target, $4 granularity. The same rule as a
 * single slide (slide-expiry.ts), checked again here: another node may have slid or removed
 * the row since it was read. A row that another statement holds right now is left as it
 * stands rather than waited for: waiting on several rows in one statement deadlocks with a
 * batch or an account removal that takes them in another order, and holds up every lookup in
 * the batch. Its holder is a slide to about the same end or a statement that ends the session.
 */
const SLIDE_SESSIONS = `
  WITH free AS MATERIALIZED (
    SELECT key_hash AS key FROM sessions WHERE key_hash = ANY($1::bytea[])
    FOR NO KEY UPDATE SKIP LOCKED
  )
  UPDATE sessions SET expires_at = LEAST(wanted.slide_to, NULLIF(hard_expires_at, 0))
  FROM free, unnest($1::bytea[], $2::bigint[], $3::bigint[]) AS wanted(key, now, slide_to)
  WHERE key_hash = free.key AND key_hash = wanted.key AND expires_at > wanted.now
    AND LEAST(wanted.slide_to, NULLIF(hard_expires_at, 0)) - expires_at >= $4
  RETURNING ${rows.SESSION_COLUMNS}`;

interface Lookup {
  keyHash: Buffer;
  /** The latest clock reading of the callers who asked for this key. */
  now: number;
  /** The furthest slide they asked for, if any did. */
  slideTo: number | undefined;
  callers: {
    resolve: (record: SessionRecord | undefined) => void;
    reject: (error: unknown) => void;
  }[];
}

export class SessionReads {
  readonly #pool: pg.Pool;
  #waiting = new Map<string, Lookup>();

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** As `Store.findSession`. */
  find(keyHash: Buffer, now: number, slideTo?: number): Promise<SessionRecord | undefined> {
    if (this.#waiting.size === 0) setImmediate(() => void this.#send());

    const key = keyHash.toString("hex");
    let lookup = this.#waiting.get(key);
    if (lookup === undefined) {
      lookup = { keyHash, now, slideTo, callers: [] };
      this.#waiting.set(key, lookup);
    }
    lookup.now = Math.max(lookup.now, now);
    if (slideTo !== undefined) lookup.slideTo = Math.max(lookup.slideTo ?? slideTo, slideTo);

    return new Promise((resolve, reject) => lookup.callers.push({ resolve, reject }));
  }

  async #send(): Promise<void> {
    const batch = [...this.#waiting.values()];
    this.#waiting = new Map();

    try {
      const found = await this.#read(batch);
      for (const lookup of batch) {
        const record = found.get(lookup.keyHash.toString("hex"));
        for (const caller of lookup.callers) caller.resolve(record);
      }
    } catch (error) {
      const failure = toStoreError(error);
      for (const lookup of batch) for (const caller of lookup.callers) caller.reject(failure);
    }
  }

  /** The live sessions among the batch's keys, by key in hex, slid where that was asked. */
  async #read(batch: Lookup[]): Promise<Map<string, SessionRecord>> {
    const selected = await this.#pool.query<rows.SessionRow>(FIND_SESSIONS, [
      batch.map((lookup) => lookup.keyHash),
    ]);
    const lookups = new Map(batch.map((lookup) => [lookup.keyHash.toString("hex"), lookup]));
    const found = new Map<string, SessionRecord>();
    for (const row of selected.rows) {
      const record = rows.toSession(row);
      const key = record.keyHash.toString("hex");
      if (record.expiresAt > lookups.get(key)!.now) found.set(key, record);
    }

    const due = batch.filter((lookup) => slideIsDue(lookup, found));
    if (due.length === 0) return found;

    const slid = await this.#pool.query<rows.SessionRow>(SLIDE_SESSIONS, [
      due.map((lookup) => lookup.keyHash),
      due.map((lookup) => lookup.now),
      due.map((lookup) => lookup.slideTo),
      SLIDE_GRANULARITY_MS,
    ]);
    for (const row of slid.rows) {
      const record = rows.toSession(row);
      found.set(record.keyHash.toString("hex"), record);
    }
    return found;
  }
}

function slideIsDue(lookup: Lookup, found: Map<string, SessionRecord>): boolean {
  const record = found.get(lookup.keyHash.toString("hex"));
  if (record === undefined || lookup.slideTo === undefined) return false;

  const hard = record.hardExpiresAt > 0 ? record.hardExpiresAt : Infinity;
  return Math.min(lookup.slideTo, hard) - record.expiresAt >= SLIDE_GRANULARITY_MS;
}
