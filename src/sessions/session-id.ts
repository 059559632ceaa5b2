import { createHash, randomBytes } from "node:crypto";

/**
 * Session ids and tokens. A `SessionId` is 128 random bits written as a lowercase GUID; its
 * token is base64 of that ASCII text, because widely used clients ignore the token header and
 * compute it from the body (spec section 4). The store keeps only SHA-256 of the token.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function newSessionId(): string {
  const hex = randomBytes(16).toString("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

/** The lowercase GUID, or undefined when the text is not one (in any case). */
export function normalizeSessionId(text: string): string | undefined {
  const lower = text.toLowerCase();
  return GUID.test(lower) ? lower : undefined;
}

export function tokenFor(sessionId: string): string {
  return Buffer.from(sessionId, "ascii").toString("base64");
}

/** The SessionId a token stands for, or undefined when it is not base64 of a GUID. */
export function sessionIdFromToken(token: string): string | undefined {
  if (token.length !== 48 || !/^[A-Za-z0-9+/]+$/.test(token)) return undefined;
  return normalizeSessionId(Buffer.from(token, "base64").toString("latin1"));
}

/** The store key of a session: SHA-256 of its canonical token. */
export function keyHashOf(sessionId: string): Buffer {
  return createHash("sha256").update(tokenFor(sessionId)).digest();
}
