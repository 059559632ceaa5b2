import { hash, verify, type Options } from "@node-rs/argon2";

/**
 * argon2id at the OWASP password-storage parameters (m=19 MiB, t=2, p=1). The library runs
 * each hash on libuv's thread pool, so verifying never blocks the event loop.
 * `algorithm: 2` is Argon2id; the package declares it as a const enum we cannot import.
 */
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Hashes a password into a PHC string for the store. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

let decoyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (an unknown account) it checks
 * against a decoy, so an unknown account costs the same time as a wrong password.
 */
export async function verifyPassword(
  stored: string | undefined,
  password: string,
): Promise<boolean> {
  decoyHash ??= hashPassword("emrest decoy password");
  const target = stored ?? (await decoyHash);
  try {
    const matches = await verify(target, password, ARGON2ID);
    return matches && stored !== undefined;
  } catch {
    // A malformed stored hash is a failed logon, never a crash.
    return false;
  }
}

/** Computes the decoy ahead of the first logon, so the first unknown account is not slower. */
export async function warmUpCredentials(): Promise<void> {
  decoyHash ??= hashPassword("emrest decoy password");
  await decoyHash;
}
