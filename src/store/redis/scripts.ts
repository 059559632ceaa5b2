import { createHash } from "node:crypto";

/**
 * The Lua scripts behind every write that depends on a read (a free name, an existing
 * record, a session's principal). Redis runs a script as one atomic step, as it runs a
 * MULTI block, but a script can also decide. Times pass as strings and are handed back to
 * Redis unchanged, since Lua numbers print large integers in exponent notation.
 *
 * Session keys are built inside some scripts from the prefix, so these scripts suit a single
 * Redis server (or a primary with replicas), not Redis Cluster.
 */
export interface Script {
  source: string;
  sha: string;
}

export function script(source: string): Script {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

/**
 * KEYS: name index, record, list. ARGV: name field, id, createdAt, then field/value pairs.
 * Returns 0 when the name is taken.
 */
export const ADD_PRINCIPAL = script(`
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], unpack(ARGV, 4))
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[2])
return 1`);

/** KEYS: record. ARGV: field/value pairs. Returns 0 when there is no such record. */
export const UPDATE_EXISTING = script(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1`);

/**
 * KEYS: record, name index, list, the principal's session index, the session index.
 * ARGV: id, session key prefix. Removes the principal and its sessions; 0 when none.
 */
export const REMOVE_PRINCIPAL = script(`
local nameField = redis.call('HGET', KEYS[1], 'nameField')
if not nameField then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HDEL', KEYS[2], nameField)
redis.call('ZREM', KEYS[3], ARGV[1])
for _, member in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
  redis.call('DEL', ARGV[2] .. member)
  redis.call('ZREM', KEYS[5], member)
end
redis.call('DEL', KEYS[4])
return 1`);

/**
 * KEYS: session, session index, the principal's session index, the principal's record.
 * ARGV: expiresAt, member, now, then field/value pairs. Returns 1 when created, 0 when the
 * key is taken, -1 when the principal does not exist. Entries of the principal's index
 * that expired by now are dropped on the way, so it cannot grow without bound.
 */
export const CREATE_SESSION = script(`
if redis.call('EXISTS', KEYS[4]) == 0 then return -1 end
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 4))
redis.call('PEXPIREAT', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[2])
return 1`);

/**
 * KEYS: session, session index. ARGV: now, slideTo or '', granularity, principal index
 * prefix, member. Returns nil when the session is missing or expired at now, else
 * { expiresAt, flat field list }. A slide is capped at hardExpiresAt and written only when
 * it moves the end forward by at least the granularity; the indexes move with it.
 */
export const FIND_SESSION = script(`
local expiresAt = redis.call('PEXPIRETIME', KEYS[1])
if expiresAt < 0 or expiresAt <= tonumber(ARGV[1]) then return nil end
local fields = redis.call('HGETALL', KEYS[1])
if ARGV[2] ~= '' then
  local target = ARGV[2]
  local hard = redis.call('HGET', KEYS[1], 'hardExpiresAt')
  if tonumber(hard) > 0 and tonumber(hard) < tonumber(target) then target = hard end
  if tonumber(target) - expiresAt >= tonumber(ARGV[3]) then
    local owner = redis.call('HMGET', KEYS[1], 'kind', 'principalId')
    redis.call('PEXPIREAT', KEYS[1], target)
    redis.call('ZADD', KEYS[2], 'XX', target, ARGV[5])
    redis.call('ZADD', ARGV[4] .. owner[1] .. ':' .. owner[2], 'XX', target, ARGV[5])
    expiresAt = target
  end
end
return { expiresAt, fields }`);

/**
 * KEYS: session, session index. ARGV: principal index prefix, member. Returns 1 when the
 * session existed.
 */
export const DELETE_SESSION = script(`
local owner = redis.call('HMGET', KEYS[1], 'kind', 'principalId')
redis.call('ZREM', KEYS[2], ARGV[2])
if not owner[1] then return 0 end
redis.call('ZREM', ARGV[1] .. owner[1] .. ':' .. owner[2], ARGV[2])
redis.call('DEL', KEYS[1])
return 1`);

/**
 * KEYS: session index. ARGV: now, limit, session key prefix, principal index prefix.
 * Removes up to limit sessions whose end is at or before now from the record and both
 * indexes, and returns how many. A record Redis already dropped by its TTL still counts:
 * its index entry is removed (the principal's index is trimmed when next written).
 */
export const DELETE_EXPIRED = script(`
local members = redis.call('ZRANGE', KEYS[1], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, ARGV[2])
for _, member in ipairs(members) do
  local key = ARGV[3] .. member
  local owner = redis.call('HMGET', key, 'kind', 'principalId')
  if owner[1] then
    redis.call('ZREM', ARGV[4] .. owner[1] .. ':' .. owner[2], member)
    redis.call('DEL', key)
  end
  redis.call('ZREM', KEYS[1], member)
end
return #members`);
