import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Fault } from "../../src/faults/fault.js";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  readQueryRequest,
  type QueryParameters,
} from "../../src/query/query-request.js";

function refused(parameters: QueryParameters): Fault {
  try {
    readQueryRequest(parameters);
  } catch (error) {
    assert.ok(error instanceof Fault, String(error));
    return error;
  }
  assert.fail(`${JSON.stringify(parameters)} was accepted`);
}

describe("query parameters", () => {
  it("takes the type in any casing, and the vendor's spellings", () => {
    assert.equal(readQueryRequest({ type: "job" }).spec.type.name, "Job");
    assert.equal(readQueryRequest({ type: "backupServer" }).spec.type.name, "BackupServer");
    assert.equal(readQueryRequest({ type: "VAppRestorePoint" }).spec.type.name, "vAppRestorePoint");
  });

  it("needs a type and names an unknown one, listing the vendor's", () => {
    for (const type of [undefined, "", "  "]) {
      const fault = refused({ type });
      assert.equal([fault.fault, fault.status].join(), "InvalidQuery,400");
      assert.match(fault.message, /needs a type/);
    }
    const fault = refused({ type: "CatalogVm" });
    assert.equal(fault.status, 400);
    assert.match(
      fault.message,
      /There is no query type "CatalogVm"\. The types are: AgentBackupJob, .*WanAccelerator\./,
    );
  });

  it("answers 501 for a vendor type the inventory does not model", () => {
    for (const type of ["CloudTenant", "task", "CdpPolicy", "Passwords"]) {
      const fault = refused({ type });
      assert.equal([fault.fault, fault.status].join(), "NotImplemented,501", type);
      assert.match(fault.message, /not served by emrest yet/);
    }
  });

  it("defaults to references, and reads Entities or Entity in any casing", () => {
    assert.equal(readQueryRequest({ type: "Job" }).format, "Refs");
    assert.equal(readQueryRequest({ type: "Job", format: "refs" }).format, "Refs");
    for (const format of ["Entities", "entities", "Entity", "ENTITY"]) {
      assert.equal(readQueryRequest({ type: "Job", format }).format, "Entities");
    }
    assert.match(
      refused({ type: "Job", format: "xml" }).message,
      /format must be Refs or Entities, not "xml"/,
    );
  });

  it(`pages ${DEFAULT_PAGE_SIZE} objects from page 1 unless told, and at most ${MAX_PAGE_SIZE}`, () => {
    const { spec } = readQueryRequest({ type: "Job" });
    assert.deepEqual([spec.pageSize, spec.page], [DEFAULT_PAGE_SIZE, 1]);
    const paged = readQueryRequest({ type: "Job", pageSize: "15", page: "3" }).spec;
    assert.deepEqual([paged.pageSize, paged.page], [15, 3]);
    assert.equal(
      readQueryRequest({ type: "Job", pageSize: "1000000" }).spec.pageSize,
      MAX_PAGE_SIZE,
    );
    assert.equal(readQueryRequest({ type: "Job", pageSize: "" }).spec.pageSize, DEFAULT_PAGE_SIZE);
  });

  it("refuses a pageSize or page that is not a whole number from 1", () => {
    for (const bad of ["0", "-1", "1.5", "abc", "1e3", "0x10", "99999999999"]) {
      assert.match(
        refused({ type: "Job", pageSize: bad }).message,
        /pageSize must be a whole number from 1/,
        bad,
      );
      assert.match(
        refused({ type: "Job", page: bad }).message,
        /page must be a whole number from 1/,
        bad,
      );
    }
  });

  it("sorts by a property named in any casing, one way only", () => {
    const asc = readQueryRequest({ type: "BackupJobSession", sortAsc: "creationtime" }).spec.sort;
    assert.deepEqual([asc?.property.name, asc?.descending], ["CreationTime", false]);
    const desc = readQueryRequest({ type: "Job", sortDesc: "name" }).spec.sort;
    assert.deepEqual([desc?.property.name, desc?.descending], ["Name", true]);
    assert.match(refused({ type: "Job", sortAsc: "name", sortDesc: "name" }).message, /not both/);
    assert.match(
      refused({ type: "Job", sortAsc: "TaskUid" }).message,
      /Job has no property "TaskUid" to sort by\. It has: UID, Name/,
    );
  });

  it("turns a filter that cannot be read into InvalidQuery with its position", () => {
    const fault = refused({ type: "Job", filter: "name==Exchange Backup" });
    assert.equal(fault.status, 400);
    assert.match(fault.message, /position 16, near 'Backup'/);
    assert.equal(readQueryRequest({ type: "Job", filter: "" }).spec.filter, undefined);
  });
});
