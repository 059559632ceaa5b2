import { availableParallelism } from "node:os";
import { hash, verify, type Options } from "@node-rs/argon2";
import pLimit from "p-limit";

/**
 * argon2id at the OWASP password-storage parameters (m=19 MiB, t=2, p=1). The library runs
 * each hash on libuv's thread pool, so verifying never blocks the event loop.
 * `algorithm: 2` is Argon2id; the package declares it as a const enum we cannot import.
 */
const ARGON2ID: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * Hashes that run at once, at most: one for each core this process may use (its CPU
 * affinity, so `taskset` counts). More would not hash any faster, and each one more on a core
 * that the event loop shares is one more time slice that requests wait behind: a kernel may
 * let a running hash finish its slice (4 ms on the benchmark's machine) before a woken event
 * loop gets the core back, even at the lowest priority. The rest wait here, and libuv's other
 * threads stay free for file work.
 */
export const hashing = pLimit(availableParallelism());

/** Hashes a password into a PHC string for the store. */
export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, ARGON2ID));
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
    const matches = await hashing(() => verify(target, password, ARGON2ID));
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
