import type { Account, PrincipalKind, Role, SessionRecord, Tenant } from "../store.js";

/** A Redis hash as node-redis hands it back. */
export type Fields = Record<string, string>;

/** Field/value pairs as Redis takes them after `HSET key`. */
export function pairs(fields: Record<string, string | number>): string[] {
  return Object.entries(fields).flatMap(([field, value]) => [field, String(value)]);
}

/** The flat `[field, value, …]` list a Lua script returns from HGETALL. */
export function fromPairs(list: string[]): Fields {
  const fields: Fields = {};
  for (let i = 0; i + 1 < list.length; i += 2) fields[list[i]] = list[i + 1];
  return fields;
}

export function toAccount(fields: Fields): Account | undefined {
  if (fields.id === undefined) return undefined;
  return {
    id: fields.id,
    domain: fields.domain,
    name: fields.name,
    role: fields.role as Role,
    passwordHash: fields.passwordHash,
    createdAt: Number(fields.createdAt),
  };
}

export function toTenant(fields: Fields): Tenant | undefined {
  if (fields.id === undefined) return undefined;
  return {
    id: fields.id,
    name: fields.name,
    passwordHash: fields.passwordHash,
    createdAt: Number(fields.createdAt),
  };
}

/** A session's fields; `expiresAt` is the key's own expiry time and is not among them. */
export function sessionFields(session: SessionRecord): string[] {
  return pairs({
    kind: session.kind,
    principalId: session.principalId,
    userName: session.userName,
    role: session.role,
    version: session.version,
    createdAt: session.createdAt,
    hardExpiresAt: session.hardExpiresAt,
  });
}

export function toSession(
  keyHash: Buffer,
  fields: Fields,
  expiresAt: number,
): SessionRecord | undefined {
  if (fields.kind === undefined) return undefined;
  return {
    keyHash,
    kind: fields.kind as PrincipalKind,
    principalId: fields.principalId,
    userName: fields.userName,
    role: fields.role as Role,
    version: fields.version,
    createdAt: Number(fields.createdAt),
    expiresAt,
    hardExpiresAt: Number(fields.hardExpiresAt),
  };
}
