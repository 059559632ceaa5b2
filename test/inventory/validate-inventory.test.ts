import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generateInventory } from "../../src/inventory/generate.js";
import { inventoryDocument } from "../../src/inventory/inventory-file.js";
import { InventoryInvalid } from "../../src/inventory/problems.js";
import { validateInventory } from "../../src/inventory/validate.js";

const NOW = Date.UTC(2026, 5, 15, 6, 0, 0);
type Doc = Record<string, Record<string, unknown>[]>;

/** A small valid site as a file holds it, fresh for each test to spoil. */
function site(): Doc {
  const inventory = generateInventory({ servers: 2, jobs: 6, vms: 20, days: 3, seed: 7, now: NOW });
  return structuredClone(inventoryDocument(inventory)) as Doc;
}

/** The problems `validateInventory` names for a document; fails when it accepts it. */
function problemsOf(document: unknown): string[] {
  try {
    validateInventory(document);
  } catch (error) {
    assert.ok(error instanceof InventoryInvalid, String(error));
    return error.problems;
  }
  assert.fail("the document was accepted");
}

const OTHER_ID = "0f8b6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

describe("validateInventory", () => {
  it("accepts a generated site and gives back epoch-millisecond times and no tasks", () => {
    const document = site();
    const inventory = validateInventory(document);
    assert.equal(inventory.jobs.length, 6);
    assert.deepEqual(inventory.tasks, []);
    assert.equal(typeof inventory.jobSessions[0]!.creationTime, "number");
    assert.equal(
      inventory.jobSessions[0]!.creationTime,
      Date.parse(String(document.jobSessions![0]!.creationTime)),
    );
  });

  it("accepts an empty document as an empty inventory", () => {
    assert.equal(validateInventory({}).backupServers.length, 0);
  });

  it("refuses a document that is not a mapping", () => {
    assert.match(problemsOf([1, 2])[0]!, /^\(document\): expected a mapping of collections/);
  });

  it("names an unknown collection", () => {
    assert.match(problemsOf({ backupJobs: [] })[0]!, /^backupJobs: unknown collection/);
  });

  it("refuses tasks: they belong to a running server, not a file", () => {
    assert.match(problemsOf({ tasks: [] })[0]!, /^tasks: tasks are what clients asked/);
  });

  it("names a field of the wrong type", () => {
    const document = site();
    document.vms![2]!.sizeBytes = "big";
    assert.deepEqual(problemsOf(document), [
      'vms[2].sizeBytes: expected a whole number from 0 to 9007199254740991, got "big"',
    ]);
  });

  it("names a missing required field", () => {
    const document = site();
    delete document.jobs![1]!.name;
    assert.deepEqual(problemsOf(document), ["jobs[1].name: is missing"]);
  });

  it("names an unknown field", () => {
    const document = site();
    document.repositories![0]!.colour = "blue";
    assert.deepEqual(problemsOf(document), ["repositories[0].colour: unknown field of repository"]);
  });

  it("names a duplicate id and where it was first used", () => {
    const document = site();
    document.vms![5]!.id = document.vms![3]!.id;
    const problems = problemsOf(document);
    assert.equal(problems[0], `vms[5].id: ${document.vms![3]!.id} is already the id of vms[3]`);
  });

  it("names a reference to an object that does not exist", () => {
    const document = site();
    const index = document.jobs!.findIndex((job) => job.repositoryId !== null);
    document.jobs![index]!.repositoryId = OTHER_ID;
    assert.deepEqual(problemsOf(document), [
      `jobs[${index}].repositoryId: no repository with id ${OTHER_ID}`,
    ]);
  });

  it("names a dangling id inside a list by its position", () => {
    const document = site();
    (document.jobs![0]!.vmIds as string[])[1] = OTHER_ID;
    assert.deepEqual(problemsOf(document), [`jobs[0].vmIds[1]: no VM with id ${OTHER_ID}`]);
  });

  it("names a rule between objects: a backup job needs its repository", () => {
    const document = site();
    const index = document.jobs!.findIndex((job) => job.jobType === "Backup");
    document.jobs![index]!.repositoryId = null;
    assert.deepEqual(problemsOf(document), [
      `jobs[${index}].repositoryId: a Backup job needs its target repository`,
    ]);
  });

  it("names a rule between objects: a run cannot end before it starts", () => {
    const document = site();
    document.jobSessions![0]!.endTime = "2000-01-01T00:00:00Z";
    assert.deepEqual(problemsOf(document), ["jobSessions[0].endTime: is before creationTime"]);
  });

  it("names a hierarchy root that shares its id with another backup server's managed server", () => {
    const document = site();
    const root = document.hierarchyRoots!.findIndex((r) =>
      document.managedServers!.some((server) => server.id === r.id),
    );
    assert.ok(root >= 0, "a generated vCenter root is its managed server");
    const other = document.backupServers!.find(
      (server) => server.id !== document.hierarchyRoots![root]!.backupServerId,
    )!;
    const vCenter = document.managedServers!.find(
      (s) => s.id === document.hierarchyRoots![root]!.id,
    )!;
    vCenter.backupServerId = other.id;
    assert.deepEqual(problemsOf(document), [
      `hierarchyRoots[${root}].id: is a managed server of another backup server`,
    ]);
  });

  it("fills in a copy job's sources as empty when a file leaves them out", () => {
    const document = site();
    const copy = document.jobs!.findIndex((job) => job.jobType === "BackupCopy");
    delete document.jobs![copy]!.linkedJobIds;
    delete document.jobs![copy]!.linkedBackupRepositoryIds;
    const job = validateInventory(document).jobs[copy]!;
    assert.deepEqual([job.linkedJobIds, job.linkedBackupRepositoryIds], [[], []]);
  });

  it("names a copy job's source that is not a Backup job, and sources given to a backup job", () => {
    const document = site();
    const jobs = document.jobs!;
    const copy = jobs.findIndex((job) => job.jobType === "BackupCopy");
    const backup = jobs.findIndex((job) => job.jobType === "Backup");
    jobs[copy]!.linkedJobIds = [jobs[copy]!.id];
    jobs[backup]!.linkedBackupRepositoryIds = [jobs[backup]!.repositoryId];
    assert.ok(backup < copy, "problems come in the order of the jobs");
    assert.deepEqual(problemsOf(document), [
      `jobs[${backup}].linkedBackupRepositoryIds: is for copy jobs only, not a Backup job`,
      `jobs[${copy}].linkedJobIds[0]: names a BackupCopy job, not a Backup job`,
    ]);
  });

  it("names a copy job's source on another backup server", () => {
    const document = site();
    const jobs = document.jobs!;
    const copy = jobs.findIndex((job) => job.jobType === "BackupCopy");
    const elsewhere = document.repositories!.find(
      (repository) => repository.backupServerId !== jobs[copy]!.backupServerId,
    )!;
    jobs[copy]!.linkedBackupRepositoryIds = [elsewhere.id];
    assert.deepEqual(problemsOf(document), [
      `jobs[${copy}].linkedBackupRepositoryIds[0]: names one of another backup server`,
    ]);
  });

  it("accepts ids in capitals and keeps them in lower case", () => {
    const document = site();
    const id = document.backupServers![0]!.id as string;
    for (const kind of Object.values(document)) {
      for (const item of kind) {
        for (const [field, value] of Object.entries(item)) {
          if (value === id) item[field] = id.toUpperCase();
        }
      }
    }
    assert.equal(validateInventory(document).backupServers[0]!.id, id);
  });

  it("counts every problem but names only the first twenty", () => {
    const document = site();
    for (const vm of document.vms!) vm.sizeBytes = -1;
    for (const job of document.jobs!) job.name = "";
    const total = document.vms!.length + document.jobs!.length;
    assert.ok(total > 20);
    try {
      validateInventory(document);
      assert.fail("accepted");
    } catch (error) {
      assert.ok(error instanceof InventoryInvalid);
      assert.equal(error.total, total);
      assert.equal(error.problems.length, 20);
      assert.ok(error.message.startsWith(`${total} problems: vms[0].sizeBytes: expected`));
      assert.ok(error.message.endsWith(`; and ${total - 20} more`), error.message);
    }
  });
});
