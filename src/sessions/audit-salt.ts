import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "../config.js";

export const AUDIT_SALT_FILE = "audit-salt";

/**
 * The salt of the session hashes in the audit trail, kept in the data directory (0600)
 * rather than made per process: a session logged on before a restart, or revoked by the
 * CLI, then has the same hash in every line, and the hash means nothing without the file.
 */
export async function loadAuditSalt(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, AUDIT_SALT_FILE);
  const existing = await readSalt(path);
  if (existing !== undefined) return existing;

  const salt = randomBytes(32);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, `${salt.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    return salt;
  } catch (error) {
    // Another process sharing the data directory wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return (await readSalt(path)) ?? salt;
  }
}

async function readSalt(path: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }

  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex))
    throw new ConfigError(`${path} must hold 64 hex digits; delete it to make a new salt`);
  return Buffer.from(hex, "hex");
}
