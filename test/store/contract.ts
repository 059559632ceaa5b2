/**
 * The promises every store keeps, run by each store's own test file:
 *
 *   storeContract("sqlite", () => openStore(`sqlite:${freshPath()}`), {
 *     reopen: (closed) => reopenOnSameFile(closed),
 *   });
 *
 * Each test gets a fresh, empty, migrated store from `open` and the suite closes it after
 * the test. Times are epoch milliseconds passed in, so no test sleeps; they start at the
 * wall clock so stores that expire keys by their own clock (Redis) keep every session the
 * tests expect to be live.
 */
import { afterEach, beforeEach, describe, it } from "node:test";

import type { Store } from "../../src/store/store.js";
import { accountTests } from "./contract/accounts.js";
import type { ContractContext } from "./contract/context.js";
import { expiryTests } from "./contract/expiry.js";
import { inventoryTests } from "./contract/inventory.js";
import { inventoryIfUnchangedTests } from "./contract/inventory-if-unchanged.js";
import { lifecycleTests } from "./contract/lifecycle.js";
import { sessionTests } from "./contract/sessions.js";
import { slidingTests } from "./contract/sliding.js";
import { tenantTests } from "./contract/tenants.js";

export interface StoreContractOptions {
  /** Skip the whole contract, with the reason (for example "PostgreSQL is not reachable"). */
  skip?: string;
  /** Reasons to skip single tests, keyed by test name, for a promise a store cannot keep. */
  skipTests?: Record<string, string>;
  /**
   * Opens a second handle on the data of `closed`, which the suite has just closed. Leave it
   * out when a store keeps nothing across close; the durability test then skips.
   */
  reopen?: (closed: Store) => Promise<Store>;
  /**
   * Opens a second store on the data of `open`, which stays open. Leave it out when a store's
   * data lives in one handle; the tests of two nodes then use the one handle twice.
   */
  sibling?: (open: Store) => Promise<Store>;
}

/** Declares the store contract as one `describe` block named after the store. */
export function storeContract(
  name: string,
  open: () => Promise<Store>,
  opts: StoreContractOptions = {},
): void {
  describe(`${name} store contract`, { skip: opts.skip }, () => {
    let current: Store | undefined;
    const siblings: Store[] = [];

    beforeEach(async () => {
      current = await open();
    });

    afterEach(async () => {
      const store = current;
      current = undefined;
      await store?.close();
      await Promise.all(siblings.splice(0).map((sibling) => sibling.close()));
    });

    const ctx: ContractContext = {
      get store(): Store {
        if (!current) throw new Error("no store is open for this test");
        return current;
      },
      reopen: opts.reopen ? () => reopenCurrent(opts.reopen!) : undefined,
      sibling: opts.sibling ? () => openSibling(opts.sibling!) : undefined,
      async close() {
        const store = ctx.store;
        current = undefined;
        await store.close();
      },
      test(testName, fn) {
        it(testName, { skip: opts.skipTests?.[testName] }, fn);
      },
    };

    async function reopenCurrent(reopen: (closed: Store) => Promise<Store>): Promise<Store> {
      const closed = ctx.store;
      await ctx.close();
      current = await reopen(closed);
      return current;
    }

    async function openSibling(sibling: (open: Store) => Promise<Store>): Promise<Store> {
      const second = await sibling(ctx.store);
      siblings.push(second);
      return second;
    }

    accountTests(ctx);
    tenantTests(ctx);
    sessionTests(ctx);
    slidingTests(ctx);
    expiryTests(ctx);
    lifecycleTests(ctx);
    inventoryTests(ctx);
    inventoryIfUnchangedTests(ctx);
  });
}
