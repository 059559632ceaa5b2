import { randomUUID } from "node:crypto";
import { checkKeyHash } from "../check-key-hash.js";
import { nameKey } from "../name-key.js";
import {
  AlreadyExists,
  PrincipalGone,
  SLIDE_GRANULARITY_MS,
  type Account,
  type InventoryRecord,
  type InventoryState,
  type NewAccount,
  type NewTenant,
  type PrincipalKind,
  type Role,
  type SessionRecord,
  type Store,
  type Tenant,
} from "../store.js";
import { RedisConnection, type RedisClient } from "./connection.js";
import { RedisInventory } from "./inventory.js";
import { RedisKeys } from "./keys.js";
import { RedisPrincipals } from "./principals.js";
import * as records from "./records.js";
import { readRedisUrl } from "./redis-options.js";
import * as scripts from "./scripts.js";

/** The version of the key layout described in `keys.ts`. */
const LAYOUT = 1;

/**
 * The Redis store (Redis 7 or newer): several emrest nodes pointed at one Redis share
 * accounts, tenants and sessions. Redis itself ends a session: its key expires at
 * `expiresAt`. How durable a logon is depends on the server's persistence settings; see
 * `docs/stores.md`.
 *
 * The URL is `redis://[user:password@]host[:port][/db]`, optionally `?prefix=TEXT` to put
 * before every key (default `emrest:`): tests use a fresh prefix each and delete its keys
 * afterwards. While Redis is down every call rejects at once with `StoreUnavailable`; the
 * client reconnects in the background and the store works again once Redis is back.
 */
export class RedisStore implements Store {
  readonly kind = "redis";
  readonly #redis: RedisConnection;
  readonly #keys: RedisKeys;
  readonly #principals: RedisPrincipals;
  readonly #inventory: RedisInventory;

  constructor(url: string) {
    const options = readRedisUrl(url);
    this.#redis = new RedisConnection(options);
    this.#keys = new RedisKeys(options.prefix);
    this.#principals = new RedisPrincipals(this.#redis, this.#keys);
    this.#inventory = new RedisInventory(this.#redis, this.#keys);
  }

  /** Records the key layout, and refuses a server too old or data laid out by a newer emrest. */
  async migrate(): Promise<void> {
    const { version, layout } = await this.#redis.run(async (client) => {
      await client.set(this.#keys.layout, String(LAYOUT), { condition: "NX" });
      const info = await client.info("server");
      return {
        version: /redis_version:(\d+)/.exec(info)?.[1],
        layout: await client.get(this.#keys.layout),
      };
    });
    if (Number(version) < 7) {
      throw new Error(`The Redis store needs Redis 7 or newer; the server runs ${version}.`);
    }
    if (Number(layout) > LAYOUT) {
      throw new Error(`The Redis data was laid out by a newer emrest (layout ${layout}).`);
    }
  }

  close(): Promise<void> {
    return this.#redis.close();
  }

  async addAccount(account: NewAccount): Promise<Account> {
    const { domain, name, role, passwordHash } = account;
    const id = randomUUID();
    const added: Account = { id, domain, name, role, passwordHash, createdAt: Date.now() };
    await this.#principals.add("account", accountNameField(domain, name), added);
    return added;
  }

  async findAccount(domain: string, name: string): Promise<Account | undefined> {
    const nameField = accountNameField(domain, name);
    return records.toAccount(await this.#principals.findByName("account", nameField));
  }

  async getAccount(id: string): Promise<Account | undefined> {
    return records.toAccount(await this.#principals.get("account", id));
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.#principals.list("account")).flatMap((f) => records.toAccount(f) ?? []);
  }

  removeAccount(id: string): Promise<boolean> {
    return this.#principals.remove("account", id);
  }

  setAccountPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#principals.update("account", id, { passwordHash });
  }

  setAccountRole(id: string, role: Role): Promise<boolean> {
    return this.#principals.update("account", id, { role });
  }

  async addTenant(tenant: NewTenant): Promise<Tenant> {
    const { name, passwordHash } = tenant;
    const added: Tenant = { id: randomUUID(), name, passwordHash, createdAt: Date.now() };
    await this.#principals.add("tenant", nameKey(name), added);
    return added;
  }

  async findTenant(name: string): Promise<Tenant | undefined> {
    return records.toTenant(await this.#principals.findByName("tenant", nameKey(name)));
  }

  async listTenants(): Promise<Tenant[]> {
    return (await this.#principals.list("tenant")).flatMap((f) => records.toTenant(f) ?? []);
  }

  removeTenant(id: string): Promise<boolean> {
    return this.#principals.remove("tenant", id);
  }

  setTenantPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.#principals.update("tenant", id, { passwordHash });
  }

  /** Refuses a key that is taken (`AlreadyExists`) and a principal that does not exist. */
  async createSession(session: SessionRecord): Promise<void> {
    checkKeyHash(session.keyHash);
    const hex = session.keyHash.toString("hex");
    const { kind, principalId } = session;
    const keys = [this.#keys.session(hex), this.#keys.sessions];
    keys.push(this.#keys.sessionsOf(kind, principalId), this.#keys.principal(kind, principalId));
    const args = [String(session.expiresAt), hex, String(Date.now())];
    args.push(...records.sessionFields(session));

    const created = await this.#redis.script(scripts.CREATE_SESSION, keys, args);
    if (created === 0) throw new AlreadyExists("A session with this key already exists.");
    if (created === -1) {
      throw new PrincipalGone(kind, principalId);
    }
  }

  /**
   * One script reads the session and, when asked, slides it: the key's expiry and both
   * index scores move together, only when the end moves by at least the granularity.
   */
  async findSession(
    keyHash: Buffer,
    now: number,
    slideTo?: number,
  ): Promise<SessionRecord | undefined> {
    const hex = keyHash.toString("hex");
    const keys = [this.#keys.session(hex), this.#keys.sessions];
    const slide = slideTo === undefined ? "" : String(slideTo);
    const args = [String(now), slide, String(SLIDE_GRANULARITY_MS)];
    args.push(this.#keys.sessionsOfPrefix, hex);

    const reply = await this.#redis.script(scripts.FIND_SESSION, keys, args);
    if (!Array.isArray(reply)) return undefined;
    const [expiresAt, fields] = reply as [string | number, string[]];
    return records.toSession(Buffer.from(keyHash), records.fromPairs(fields), Number(expiresAt));
  }

  async deleteSession(keyHash: Buffer): Promise<boolean> {
    const hex = keyHash.toString("hex");
    const keys = [this.#keys.session(hex), this.#keys.sessions];
    const args = [this.#keys.sessionsOfPrefix, hex];
    return (await this.#redis.script(scripts.DELETE_SESSION, keys, args)) === 1;
  }

  /**
   * Sessions live now by this node's clock, oldest first. Listing one principal's sessions
   * also drops its index entries that have expired.
   */
  async listSessions(filter?: {
    kind: PrincipalKind;
    principalId: string;
  }): Promise<SessionRecord[]> {
    const now = Date.now();
    const index = filter
      ? this.#keys.sessionsOf(filter.kind, filter.principalId)
      : this.#keys.sessions;

    const live = await this.#redis.run(async (client) => {
      if (filter) await client.zRemRangeByScore(index, "-inf", now);
      const members = await client.zRange(index, `(${now}`, "+inf", { BY: "SCORE" });
      return this.#readSessions(client, members);
    });
    return live.sort((a, b) => a.createdAt - b.createdAt || Buffer.compare(a.keyHash, b.keyHash));
  }

  /**
   * Redis deletes a session by itself when its key expires; this removes, up to `limit`,
   * sessions whose `expiresAt` is at or before `now` from the record (when Redis has not
   * already) and from the indexes, and returns how many. So it counts expired sessions as
   * the other stores do, and keeps the indexes from growing.
   */
  async deleteExpiredSessions(now: number, limit: number): Promise<number> {
    if (limit <= 0) return 0;
    const args = [String(now), String(Math.floor(limit))];
    args.push(this.#keys.sessionPrefix, this.#keys.sessionsOfPrefix);
    return Number(await this.#redis.script(scripts.DELETE_EXPIRED, [this.#keys.sessions], args));
  }

  readInventory(since: { generation: number; revision: number }) {
    return this.#inventory.read(since);
  }

  async replaceInventory(records: InventoryRecord[]) {
    return await this.#inventory.replace(records);
  }

  async seedInventory(records: InventoryRecord[]) {
    return await this.#inventory.seed(records);
  }

  async putInventoryRecords(records: InventoryRecord[]) {
    return await this.#inventory.put(records);
  }

  async putInventoryRecordsIfUnchanged(records: InventoryRecord[], seen: InventoryState) {
    return await this.#inventory.putIfUnchanged(records, seen);
  }

  /** Reads sessions in one round trip; one that vanished meanwhile is left out. */
  async #readSessions(client: RedisClient, members: string[]): Promise<SessionRecord[]> {
    if (members.length === 0) return [];
    const batch = client.multi();
    for (const hex of members) {
      batch.hGetAll(this.#keys.session(hex)).pExpireTime(this.#keys.session(hex));
    }

    const replies = (await batch.execAsPipeline()) as unknown[];
    return members.flatMap((hex, i) => {
      const fields = replies[2 * i] as records.Fields;
      const expiresAt = Number(replies[2 * i + 1]);
      return records.toSession(Buffer.from(hex, "hex"), fields, expiresAt) ?? [];
    });
  }
}

/** The name index field of an account: its folded domain and name, unambiguously joined. */
function accountNameField(domain: string, name: string): string {
  return JSON.stringify([nameKey(domain), nameKey(name)]);
}
