import type { TestContext } from "node:test";

import type { Store } from "../../../src/store/store.js";

/** What each group of contract tests gets from `storeContract`. */
export interface ContractContext {
  /** The fresh, empty store opened for the running test. */
  readonly store: Store;
  /**
   * Closes the running test's store and opens a second handle on the same data, which
   * becomes `store`. Undefined when the store keeps nothing across close.
   */
  readonly reopen: (() => Promise<Store>) | undefined;
  /**
   * Opens a second handle on the running test's data while the first stays open, as a second
   * node would; the suite closes it after the test. Undefined when a store's data lives in
   * one handle only (memory).
   */
  readonly sibling: (() => Promise<Store>) | undefined;
  /** Closes the running test's store; the suite will not close it again. */
  close(): Promise<void>;
  /** Declares one test, honouring the per-test skip reasons the store gave. */
  test(name: string, fn: (t: TestContext) => Promise<void>): void;
}
