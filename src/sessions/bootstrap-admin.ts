import { randomBytes } from "node:crypto";
import { unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "../config.js";
import { AlreadyExists, type Store } from "../store/store.js";
import { formatAccountName, parseAccountName } from "./account-name.js";
import { hashPassword } from "./credentials.js";

export interface AdministratorOptions {
  dataDir: string;
  /** The local domain, for a bare `adminUser`. */
  domain: string;
  adminUser: string;
  /** From `--admin-password` or `EMREST_ADMIN_PASSWORD`; null to generate one. */
  adminPassword: string | null;
}

export type AdministratorOutcome =
  /** The store already holds accounts: nothing was done. */
  | { kind: "existing" }
  /** Created with the password the operator gave. */
  | { kind: "created"; userName: string }
  /** Created with a generated password, which the caller shows once. */
  | {
      kind: "generated";
      userName: string;
      password: string;
      /** Where the password was saved, or null when the file could not be written. */
      passwordFile: string | null;
      writeError: string | null;
    };

export const PASSWORD_FILE = "initial-admin-password";

/**
 * On the first start (a store without a single account) creates the Portal Administrator,
 * so a fresh install can be used at all. There is no built-in password: the operator gives
 * one, or a random one is generated and saved to `<dataDir>/initial-admin-password` (0600).
 */
export async function ensureAdministrator(
  store: Store,
  options: AdministratorOptions,
): Promise<AdministratorOutcome> {
  if ((await store.listAccounts()).length > 0) return { kind: "existing" };

  const parsed = parseAccountName(options.adminUser, options.domain);
  if (parsed === undefined) {
    throw new ConfigError(`--admin-user must be a user name, not "${options.adminUser}"`);
  }
  const account = { domain: parsed.domain.toUpperCase(), name: parsed.name };
  const password = options.adminPassword ?? generatePassword();

  try {
    const passwordHash = await hashPassword(password);
    await store.addAccount({ ...account, role: "PortalAdministrator", passwordHash });
  } catch (error) {
    // Another node sharing the store created its administrator first.
    if (error instanceof AlreadyExists) return { kind: "existing" };
    throw error;
  }

  const userName = formatAccountName(account);
  if (options.adminPassword !== null) return { kind: "created", userName };
  return { kind: "generated", userName, password, ...(await savePassword(options, password)) };
}

/** 24 URL-safe characters, 144 random bits. */
function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

async function savePassword(options: AdministratorOptions, password: string) {
  const path = join(options.dataDir, PASSWORD_FILE);
  try {
    // A stale file from an earlier store keeps its old mode when rewritten, so start afresh.
    await unlink(path).catch((error) => {
      if (error.code !== "ENOENT") throw error;
    });
    await writeFile(path, `${password}\n`, { mode: 0o600, flag: "wx" });
    return { passwordFile: path, writeError: null };
  } catch (error) {
    return { passwordFile: null, writeError: (error as Error).message };
  }
}
