/**
 * Fills an emrest SQLite file with live sessions of its administrator, straight through
 * SQL in the store's own schema (the server must have created it and be stopped): far faster
 * than logons over HTTP, which would each cost an argon2id hash and a synced commit.
 */
import Database from "better-sqlite3";
import { keyHashOf, newSessionId, tokenFor } from "../src/sessions/session-id.js";

export interface SeededSession {
  id: string;
  token: string;
}

const BATCH = 20_000;

/**
 * Adds `count` sessions expiring in an hour; returns the first `keep` of them to read with.
 * Keys are random, as real ones are, so they land all over the table as they would.
 */
export function seedSessions(file: string, count: number, keep: number): SeededSession[] {
  const db = new Database(file);
  try {
    db.pragma("synchronous = OFF");
    const admin = db.prepare("SELECT pk, domain, name FROM accounts ORDER BY pk LIMIT 1").get() as
      { pk: number; domain: string; name: string } | undefined;
    if (!admin) throw new Error(`no account in ${file} to hold sessions`);

    const insert = db.prepare(`INSERT INTO sessions (key_hash, account_pk, user_name, role,
      version, created_at, expires_at, hard_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0)`);
    const userName = `${admin.domain}\\${admin.name}`;
    const kept: SeededSession[] = [];
    const addBatch = db.transaction((size: number) => {
      const now = Date.now();
      for (let i = 0; i < size; i++) {
        const id = newSessionId();
        if (kept.length < keep) kept.push({ id, token: tokenFor(id) });
        insert.run(
          keyHashOf(id),
          admin.pk,
          userName,
          "PortalAdministrator",
          "v1_7",
          now,
          now + 3_600_000,
        );
      }
    });
    for (let added = 0; added < count; added += BATCH) addBatch(Math.min(BATCH, count - added));

    db.pragma("wal_checkpoint(TRUNCATE)");
    return kept;
  } finally {
    db.close();
  }
}

/** Ends every session but `live` (SQLite file, server stopped): they expired a second ago. */
export function expireAllBut(file: string, live: SeededSession[]): number {
  const db = new Database(file);
  try {
    db.pragma("synchronous = OFF");
    const keep = new Set(live.map((s) => keyHashOf(s.id).toString("hex")));
    const past = Date.now() - 1000;
    db.function("kept", (key: unknown) => (keep.has((key as Buffer).toString("hex")) ? 1 : 0));
    const changed = db
      .prepare("UPDATE sessions SET expires_at = ? WHERE NOT kept(key_hash)")
      .run(past);
    db.pragma("wal_checkpoint(TRUNCATE)");
    return changed.changes;
  } finally {
    db.close();
  }
}

/** A session whose end has passed, as the sweeper sees it: `?` is now. */
const EXPIRED = "FROM sessions WHERE expires_at <= ?";

/** Whether any session in the file has expired and is still there. */
export function expiredLeft(db: Database.Database): boolean {
  const row = db.prepare(`SELECT EXISTS (SELECT 1 ${EXPIRED}) AS left`);
  return (row.get(Date.now()) as { left: number }).left === 1;
}

/** How many sessions in the file have expired and are still there. */
export function expiredCount(db: Database.Database): number {
  const row = db.prepare(`SELECT count(*) AS n ${EXPIRED}`);
  return (row.get(Date.now()) as { n: number }).n;
}
