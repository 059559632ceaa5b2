/**
 * A store filled by an older emrest holds objects without the fields added since (a job's
 * `linkedJobIds` and `linkedBackupRepositoryIds`); a server reading it fills in the defaults
 * a file would get, and serves them.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inventoryRecords } from "../../src/inventory/apply-records.js";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import type { Store } from "../../src/store/store.js";
import { fixtureInventory, IDS } from "../helpers/inventory-fixture.js";
import { sharedStoreKinds } from "../helpers/shared-stores.js";
import { startTestServer } from "../helpers/start-server.js";

/** The fixture's records as an emrest without copy job sources wrote them. */
function olderRecords() {
  return inventoryRecords(fixtureInventory()).map((record) => {
    if (record.kind !== "jobs") return record;
    const { linkedJobIds, linkedBackupRepositoryIds, ...older } = JSON.parse(record.body);
    return { ...record, body: JSON.stringify(older) };
  });
}

async function copyJobSources(store: Store) {
  await store.replaceInventory(olderRecords());
  const server = await startTestServer({ store });
  try {
    await server.addAccount("admin", "secret");
    const { token } = await server.logon("admin", "secret");
    const get = async (path: string) => {
      const reply = await server.request(`${server.http}/api/${path}`, {
        headers: { "x-restsvcsessionid": token, accept: "application/json" },
      });
      assert.equal(reply.status, 200, reply.body);
      return JSON.parse(reply.body);
    };
    const entity = await get(`jobs/${IDS.copyJob}?format=Entity`);
    const down = entity.Links.filter((link: { Rel: string }) => link.Rel === "Down");
    return {
      downTypes: down.map((link: { Type: string }) => link.Type),
      linked: await get(`jobs/${IDS.copyJob}/linkedJobs`),
    };
  } finally {
    await server.close();
  }
}

const stores = [
  {
    name: "memory",
    skip: undefined,
    place: () => ({ open: async () => new MemoryStore() as Store, remove: async () => {} }),
  },
  ...(await sharedStoreKinds()),
];

describe("a store written before copy jobs recorded their sources", () => {
  for (const kind of stores) {
    it(
      `serves its copy jobs from ${kind.name} with empty linked lists`,
      { skip: kind.skip },
      async () => {
        const place = kind.place();
        try {
          const { downTypes, linked } = await copyJobSources(await place.open());
          assert.deepEqual(downTypes, [
            "BackupJobSessionReferenceList",
            "LinkedJobObjectList",
            "LinkedBackupRepositoryObjectList",
          ]);
          assert.deepEqual(linked, { LinkedJobObjects: [] });
        } finally {
          await place.remove();
        }
      },
    );
  }
});
