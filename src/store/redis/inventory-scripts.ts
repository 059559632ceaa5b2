import { script } from "./scripts.js";

/**
 * The scripts of the inventory (see `keys.ts` for its keys). Revisions pass through
 * `string.format('%d')`, since Lua prints large numbers in exponent notation. Slot keys are
 * built inside the scripts from the slot prefix, as session keys are: one Redis server, not
 * Redis Cluster.
 */

/**
 * KEYS: state. ARGV: slot prefix, a new slot id for a store that has none yet, then
 * member/body pairs. Gives each record the next revision, in order; the first write of all
 * starts generation 1. Returns { generation, revision }.
 */
export const PUT_INVENTORY = script(putRecords(3));

/** The body both puts share: member/body pairs from ARGV[`first`] on, as `PUT_INVENTORY` says. */
function putRecords(first: number): string {
  return `
local slot = redis.call('HGET', KEYS[1], 'slot')
if not slot then
  slot = ARGV[2]
  redis.call('HSET', KEYS[1], 'slot', slot, 'generation', '1')
end
local count = (#ARGV - ${first - 1}) / 2
local last = redis.call('HINCRBY', KEYS[1], 'revision', math.max(count, 1))
local log = ARGV[1] .. slot .. ':log'
local bodies = ARGV[1] .. slot .. ':bodies'
local revision = last - count
for i = ${first}, #ARGV, 2 do
  revision = revision + 1
  redis.call('ZADD', log, string.format('%d', revision), ARGV[i])
  redis.call('HSET', bodies, ARGV[i], ARGV[i + 1])
end
return { redis.call('HGET', KEYS[1], 'generation'), string.format('%d', last) }`;
}

/**
 * KEYS: state, the new slot's log, its bodies. ARGV: slot prefix, new slot, record count,
 * "first" when the switch must happen only if no inventory was ever written. Makes a filled
 * slot the current generation and drops the old one, unless the slot lost records (it
 * expired while being filled). Returns { generation, revision }, or nil (the new slot
 * dropped) when "first" was asked and an inventory exists.
 */
export const SWITCH_INVENTORY = script(`
if ARGV[4] == 'first' and tonumber(redis.call('HGET', KEYS[1], 'generation') or '0') ~= 0 then
  redis.call('UNLINK', KEYS[2], KEYS[3])
  return nil
end
local count = tonumber(ARGV[3])
if redis.call('ZCARD', KEYS[2]) ~= count or redis.call('HLEN', KEYS[3]) ~= count then
  return redis.error_reply('ERR the new inventory expired before it was complete')
end
redis.call('PERSIST', KEYS[2])
redis.call('PERSIST', KEYS[3])
local old = redis.call('HGET', KEYS[1], 'slot')
if old then redis.call('UNLINK', ARGV[1] .. old .. ':log', ARGV[1] .. old .. ':bodies') end
local generation = redis.call('HINCRBY', KEYS[1], 'generation', 1)
redis.call('HSET', KEYS[1], 'slot', ARGV[2])
return { string.format('%d', generation), redis.call('HGET', KEYS[1], 'revision') }`);

/**
 * KEYS: state. ARGV: slot prefix, after, limit. Returns { generation, revision, members with
 * their revisions, bodies } of the current slot after the revision `after`, in one snapshot.
 */
export const READ_INVENTORY_PAGE = script(`
local state = redis.call('HMGET', KEYS[1], 'generation', 'revision', 'slot')
local generation = state[1] or '0'
local revision = state[2] or '0'
if not state[3] then return { generation, revision, {}, {} } end
local log = ARGV[1] .. state[3] .. ':log'
local found = redis.call('ZRANGE', log, '(' .. ARGV[2], '+inf', 'BYSCORE', 'LIMIT', 0, ARGV[3],
  'WITHSCORES')
if #found == 0 then return { generation, revision, {}, {} } end
local members = {}
for i = 1, #found, 2 do members[#members + 1] = found[i] end
local bodies = redis.call('HMGET', ARGV[1] .. state[3] .. ':bodies', unpack(members))
return { generation, revision, found, bodies }`);

/**
 * KEYS: the new slot's log, its bodies. ARGV: milliseconds to live, then revision/member/body
 * triples. Adds a chunk of a replace and renews the slot's expiry in one step, so its keys
 * never exist without one: a load killed at any point leaves nothing that lasts. The renewal
 * is also the writer's heartbeat, which `DROP_ABANDONED_SLOT` reads.
 */
export const FILL_SLOT = script(`
for i = 2, #ARGV, 3 do
  redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1])
  redis.call('HSET', KEYS[2], ARGV[i + 1], ARGV[i + 2])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1`);

/**
 * KEYS: state. ARGV: slot prefix, slot, the least milliseconds to live a slot still being
 * filled has (its writer renews the expiry with every chunk). Deletes the slot's keys unless
 * it is the current one or a live writer renewed it lately; returns 1 when it deleted them.
 * Keys without an expiry and not current belong to no one (a torn write of an older emrest).
 */
export const DROP_ABANDONED_SLOT = script(`
if redis.call('HGET', KEYS[1], 'slot') == ARGV[2] then return 0 end
local log = ARGV[1] .. ARGV[2] .. ':log'
local bodies = ARGV[1] .. ARGV[2] .. ':bodies'
local fresh = tonumber(ARGV[3])
local lives = { redis.call('PTTL', log), redis.call('PTTL', bodies) }
for _, left in ipairs(lives) do
  if left >= fresh then return 0 end
end
redis.call('UNLINK', log, bodies)
return 1`);

/**
 * KEYS: state. ARGV: slot prefix, a new slot id for a store that has none yet, the generation
 * and revision the writer last read, then member/body pairs. `PUT_INVENTORY`, only while the
 * state is still the one read; otherwise writes nothing and returns nil.
 */
export const PUT_INVENTORY_IF_UNCHANGED = script(
  `
local state = redis.call('HMGET', KEYS[1], 'generation', 'revision')
if tonumber(state[1] or '0') ~= tonumber(ARGV[3]) or tonumber(state[2] or '0') ~= tonumber(ARGV[4])
then
  return nil
end` + putRecords(5),
);
