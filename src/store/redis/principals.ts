import { AlreadyExists, type Account, type PrincipalKind, type Tenant } from "../store.js";
import type { RedisConnection } from "./connection.js";
import type { RedisKeys } from "./keys.js";
import * as records from "./records.js";
import * as scripts from "./scripts.js";

/**
 * Accounts and tenants in Redis, which the store keeps alike: a hash per principal, a sorted
 * set of ids by creation time, and a hash from the case-folded name to the id.
 */
export class RedisPrincipals {
  readonly #redis: RedisConnection;
  readonly #keys: RedisKeys;

  constructor(redis: RedisConnection, keys: RedisKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  /** Stores a new principal under `nameField`; `AlreadyExists` when the name is taken. */
  async add(kind: PrincipalKind, nameField: string, added: Account | Tenant): Promise<void> {
    const keys = [this.#keys.names(kind), this.#keys.principal(kind, added.id)];
    keys.push(this.#keys.principals(kind));
    const args = [nameField, added.id, String(added.createdAt)];
    args.push(...records.pairs({ ...added, nameField }));

    if ((await this.#redis.script(scripts.ADD_PRINCIPAL, keys, args)) === 0) {
      const shown = "domain" in added ? `${added.domain}\\${added.name}` : added.name;
      throw new AlreadyExists(`${kind === "account" ? "An account" : "A tenant"} ${shown} exists.`);
    }
  }

  /** The fields of the principal with this id; empty when there is none. */
  get(kind: PrincipalKind, id: string): Promise<records.Fields> {
    return this.#redis.run((client) => client.hGetAll(this.#keys.principal(kind, id)));
  }

  async findByName(kind: PrincipalKind, nameField: string): Promise<records.Fields> {
    const id = await this.#redis.run((client) => client.hGet(this.#keys.names(kind), nameField));
    return id === null || id === undefined ? {} : this.get(kind, id);
  }

  /** Every principal of a kind, oldest first, in one round trip after the ids. */
  list(kind: PrincipalKind): Promise<records.Fields[]> {
    return this.#redis.run(async (client) => {
      const ids = await client.zRange(this.#keys.principals(kind), 0, -1);
      if (ids.length === 0) return [];
      const batch = client.multi();
      for (const id of ids) batch.hGetAll(this.#keys.principal(kind, id));
      return (await batch.execAsPipeline()) as unknown as records.Fields[];
    });
  }

  /** Removes the principal, its name and every session it holds, in one step. */
  async remove(kind: PrincipalKind, id: string): Promise<boolean> {
    const keys = [this.#keys.principal(kind, id), this.#keys.names(kind)];
    keys.push(this.#keys.principals(kind), this.#keys.sessionsOf(kind, id), this.#keys.sessions);
    const args = [id, this.#keys.sessionPrefix];
    return (await this.#redis.script(scripts.REMOVE_PRINCIPAL, keys, args)) === 1;
  }

  /** Changes fields of an existing principal; false when there is none. */
  async update(kind: PrincipalKind, id: string, change: Record<string, string>): Promise<boolean> {
    const key = this.#keys.principal(kind, id);
    return (await this.#redis.script(scripts.UPDATE_EXISTING, [key], records.pairs(change))) === 1;
  }
}
