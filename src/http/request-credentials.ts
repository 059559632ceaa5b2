import type { FastifyRequest } from "fastify";

export const TOKEN_NAME = "X-RestSvcSessionId";
const TOKEN_NAME_LOWER = TOKEN_NAME.toLowerCase();
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The session token of a request: the cookie when there is one, else the header (EM: the
 * cookie wins and the header is ignored; spec section 4). Names match in any casing.
 */
export function tokenOf(request: FastifyRequest): string | undefined {
  const cookies = request.cookies ?? {};
  for (const [name, value] of Object.entries(cookies)) {
    if (name.toLowerCase() === TOKEN_NAME_LOWER && value) return value.trim();
  }

  const header = request.headers[TOKEN_NAME_LOWER];
  const value = Array.isArray(header) ? header[0] : header;
  return value ? value.trim() : undefined;
}

/**
 * HTTP Basic credentials, or undefined when the header is absent or malformed: not base64,
 * not UTF-8, or without the colon. The password is everything after the first colon, so it
 * may hold colons itself.
 */
export function basicCredentialsOf(
  request: FastifyRequest,
): { userName: string; password: string } | undefined {
  const header = request.headers.authorization;
  if (header === undefined || header.length > 8192) return undefined;

  const match = /^basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(header);
  if (!match) return undefined;

  let text: string;
  try {
    text = utf8.decode(Buffer.from(match[1]!, "base64"));
  } catch {
    return undefined;
  }

  const colon = text.indexOf(":");
  if (colon < 0) return undefined;
  return { userName: text.slice(0, colon), password: text.slice(colon + 1) };
}
