import type { Store } from "../../src/store/store.js";

/**
 * Opens stores by URL and remembers each one's URL, so the contract's `reopen` and `sibling`
 * reach the same data. A store whose migration fails is closed before the error goes on, so a server
 * that is down fails the test instead of leaving a client retrying.
 */
export function reopenableStores<S extends Store>(make: (url: string) => S) {
  const urls = new WeakMap<Store, string>();

  async function open(url: string): Promise<S> {
    const store = make(url);
    urls.set(store, url);
    try {
      await store.migrate();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  const sameUrl = (store: Store) => open(urls.get(store)!);
  return { open, reopen: sameUrl, sibling: sameUrl };
}
