import type * as S from "../../src/store/store.js";
import { StoreUnavailable } from "../../src/store/store.js";

/** Every method a store has, `close` and `kind` aside: those always work. */
export type StoreMethod = Exclude<keyof S.Store, "kind" | "close">;

type Mode = { fail: true } | { fail: false; hangMs: number };

/**
 * A store that misbehaves on demand, for the error paths of the HTTP layer and the CLI:
 *
 *   const store = new FailingStore(new MemoryStore());
 *   store.fail("findSession");          // rejects with StoreUnavailable
 *   store.hang(10_000, "createSession"); // answers only after 10 s
 *   store.recover();                     // all normal again
 *
 * With no method named, `fail` and `hang` apply to every method. `close` always goes
 * through and releases calls still hanging, which then reject with StoreUnavailable.
 */
export class FailingStore implements S.Store {
  readonly kind: string;
  readonly inner: S.Store;
  /** How many calls each method received, failed or not. */
  readonly calls = new Map<StoreMethod, number>();
  #all: Mode | undefined;
  readonly #modes = new Map<StoreMethod, Mode>();
  readonly #hanging = new Set<() => void>();

  constructor(inner: S.Store) {
    this.inner = inner;
    this.kind = inner.kind;
  }

  fail(...methods: StoreMethod[]): void {
    this.#set({ fail: true }, methods);
  }

  hang(ms: number, ...methods: StoreMethod[]): void {
    this.#set({ fail: false, hangMs: ms }, methods);
  }

  recover(): void {
    this.#all = undefined;
    this.#modes.clear();
  }

  async close(): Promise<void> {
    for (const release of this.#hanging) release();
    await this.inner.close();
  }

  migrate = () => this.#call("migrate", () => this.inner.migrate());
  addAccount = (a: S.NewAccount) => this.#call("addAccount", () => this.inner.addAccount(a));
  findAccount = (domain: string, name: string) =>
    this.#call("findAccount", () => this.inner.findAccount(domain, name));
  getAccount = (id: string) => this.#call("getAccount", () => this.inner.getAccount(id));
  listAccounts = () => this.#call("listAccounts", () => this.inner.listAccounts());
  removeAccount = (id: string) => this.#call("removeAccount", () => this.inner.removeAccount(id));
  setAccountPassword = (id: string, hash: string) =>
    this.#call("setAccountPassword", () => this.inner.setAccountPassword(id, hash));
  setAccountRole = (id: string, role: S.Role) =>
    this.#call("setAccountRole", () => this.inner.setAccountRole(id, role));

  addTenant = (t: S.NewTenant) => this.#call("addTenant", () => this.inner.addTenant(t));
  findTenant = (name: string) => this.#call("findTenant", () => this.inner.findTenant(name));
  listTenants = () => this.#call("listTenants", () => this.inner.listTenants());
  removeTenant = (id: string) => this.#call("removeTenant", () => this.inner.removeTenant(id));
  setTenantPassword = (id: string, hash: string) =>
    this.#call("setTenantPassword", () => this.inner.setTenantPassword(id, hash));

  createSession = (s: S.SessionRecord) =>
    this.#call("createSession", () => this.inner.createSession(s));
  findSession = (keyHash: Buffer, now: number, slideTo?: number) =>
    this.#call("findSession", () => this.inner.findSession(keyHash, now, slideTo));
  deleteSession = (keyHash: Buffer) =>
    this.#call("deleteSession", () => this.inner.deleteSession(keyHash));
  listSessions = (filter?: { kind: S.PrincipalKind; principalId: string }) =>
    this.#call("listSessions", () => this.inner.listSessions(filter));
  deleteExpiredSessions = (now: number, limit: number) =>
    this.#call("deleteExpiredSessions", () => this.inner.deleteExpiredSessions(now, limit));

  readInventory = (since: { generation: number; revision: number }) =>
    this.#call("readInventory", () => this.inner.readInventory(since));
  replaceInventory = (records: S.InventoryRecord[]) =>
    this.#call("replaceInventory", () => this.inner.replaceInventory(records));
  seedInventory = (records: S.InventoryRecord[]) =>
    this.#call("seedInventory", () => this.inner.seedInventory(records));
  putInventoryRecords = (records: S.InventoryRecord[]) =>
    this.#call("putInventoryRecords", () => this.inner.putInventoryRecords(records));
  putInventoryRecordsIfUnchanged = (records: S.InventoryRecord[], seen: S.InventoryState) =>
    this.#call("putInventoryRecordsIfUnchanged", () =>
      this.inner.putInventoryRecordsIfUnchanged(records, seen),
    );

  #set(mode: Mode, methods: StoreMethod[]): void {
    if (methods.length === 0) this.#all = mode;
    for (const method of methods) this.#modes.set(method, mode);
  }

  async #call<T>(method: StoreMethod, work: () => Promise<T>): Promise<T> {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const mode = this.#modes.get(method) ?? this.#all;
    if (mode?.fail) throw new StoreUnavailable(`${method} failed on purpose (FailingStore)`);
    if (mode) await this.#wait(method, mode.hangMs);
    return work();
  }

  /** Waits `ms`, or rejects at once when the store is closed meanwhile. */
  #wait(method: StoreMethod, ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const release = () => {
        clearTimeout(timer);
        this.#hanging.delete(release);
        reject(new StoreUnavailable(`${method} was hanging when the store closed`));
      };
      const timer = setTimeout(() => {
        this.#hanging.delete(release);
        resolve();
      }, ms);
      this.#hanging.add(release);
    });
  }
}
