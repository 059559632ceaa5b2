import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FilterError, parseFilter } from "../../src/query/filter-parser.js";
import { resolveQueryType } from "../../src/query/query-types.js";
import { runQuery } from "../../src/query/run-query.js";
import { NOW, smallView } from "./small-inventory.js";

const view = smallView();

/** The numbers at the end of the ids of the objects a filter selects, in default order. */
function select(type: string, filter: string, now = NOW): number[] {
  const resolved = resolveQueryType(type);
  assert.ok(resolved && "served" in resolved, type);
  const page = runQuery(
    view,
    { type: resolved.served, filter: parseFilter(filter), pageSize: 1000, page: 1 },
    now,
  );
  return page.items.map((item) => Number.parseInt((item as { id: string }).id.slice(-6), 16));
}

function refusal(type: string, filter: string): FilterError {
  try {
    select(type, filter);
  } catch (error) {
    assert.ok(error instanceof FilterError, String(error));
    return error;
  }
  assert.fail(`${filter} was accepted`);
}

describe("filter evaluation: strings, numbers, booleans", () => {
  it("compares strings without regard to case, on names and values alike", () => {
    assert.deepEqual(select("Job", 'name=="exchange backup"'), [41]);
    assert.deepEqual(select("job", "JOBTYPE==backup"), [41]);
    assert.deepEqual(select("Job", "jobtype!=backup"), [42, 43]);
  });

  it("reads through parents: a session's job name and backup server", () => {
    assert.deepEqual(select("BackupJobSession", 'JobName=="Copy Job"'), [53, 54]);
    assert.deepEqual(
      select("ReplicaJobSession", 'BackupServerName=="VBR02.example.com"'),
      [56, 57],
    );
    assert.deepEqual(
      select("BackupTaskSession", "VmDisplayName==dbserver01;Result==Failed"),
      [530],
    );
  });

  it("names a run after its job and start, as EM does", () => {
    assert.deepEqual(select("BackupJobSession", 'Name=="Copy Job@2026-06-14 23:09:26"'), [53]);
    assert.deepEqual(select("ReplicaTaskSession", 'Name=="apache02@2026-06-14 20:00:10"'), [560]);
  });

  it("compares numbers as numbers", () => {
    assert.deepEqual(select("Repository", "FreeSpace<107374182400"), [31, 32]);
    assert.deepEqual(select("Repository", "FreeSpace>1e10"), [31]);
    assert.deepEqual(select("BackupServer", "Port==9392"), [1, 2]);
  });

  it("reads True and False in any case", () => {
    assert.deepEqual(select("Job", "ScheduleConfigured==TRUE;scheduleenabled==false"), [43]);
    assert.deepEqual(select("BackupJobSession", "IsRetry==true"), [54]);
  });
});

describe("filter evaluation: enumerations compare by the vendor's order", () => {
  it("orders results Success < Warning < Failed", () => {
    assert.deepEqual(select("BackupJobSession", "Result>=Warning"), [52, 53]);
    assert.deepEqual(select("BackupJobSession", "Result<Failed"), [51, 52, 54, 55]);
    assert.deepEqual(select("BackupJobSession", "result==failed"), [53]);
  });

  it("gives a running session the result None, below Success", () => {
    assert.deepEqual(select("BackupJobSession", "Result<Success"), [55]);
    assert.deepEqual(select("BackupJobSession", "Result==None"), [55]);
  });

  it("follows the clock for State and Result", () => {
    assert.deepEqual(select("BackupJobSession", "State==Working"), [55]);
    assert.deepEqual(
      select("BackupJobSession", "State==Working", Date.parse("2026-06-15T07:00:00Z")),
      [],
    );
    assert.deepEqual(select("BackupJobSession", "State<Stopped"), [55]);
    assert.deepEqual(select("BackupTaskSession", "State==InProgress"), [550, 551]);
  });

  it("refuses a value the vendor does not list, naming the ones it does", () => {
    const error = refusal("BackupJobSession", "Result==Sucess");
    assert.equal(error.position, 9);
    assert.match(error.message, /Result takes one of None, Success, Warning, Failed, not "Sucess"/);
  });
});

describe("filter evaluation: DateTimes are UTC", () => {
  it("takes Z, no zone, a space for T, a date alone and fractions", () => {
    assert.deepEqual(select("BackupJobSession", 'CreationTime>="2026-06-15T00:00:00Z"'), [54, 55]);
    assert.deepEqual(select("BackupJobSession", 'CreationTime>="2026-06-15T00:00:00"'), [54, 55]);
    assert.deepEqual(select("BackupJobSession", 'CreationTime>="2026-06-15 00:00:00"'), [54, 55]);
    assert.deepEqual(select("BackupJobSession", "CreationTime>=2026-06-15"), [54, 55]);
    assert.deepEqual(select("BackupJobSession", "CreationTime==2026-06-13T22:00:00.25Z"), [51]);
    assert.deepEqual(
      select("BackupJobSession", "CreationTime>2026-06-13T22:00:00.2500001Z"),
      [52, 53, 54, 55],
    );
  });

  it("refuses offsets other than zero, and dates that do not exist", () => {
    assert.match(
      refusal("BackupJobSession", "CreationTime>=2026-06-15T00:00:00+02:00").message,
      /must be in UTC.*not \+02:00/,
    );
    assert.deepEqual(
      select("BackupJobSession", "CreationTime>=2026-06-15T00:00:00+00:00"),
      [54, 55],
    );
    assert.match(
      refusal("BackupJobSession", "CreationTime>=2026-02-30").message,
      /not a date and time that exists/,
    );
    assert.match(
      refusal("BackupJobSession", "CreationTime>=yesterday").message,
      /expected a UTC date/,
    );
  });

  it("has no end time for a running session: it equals and orders with nothing", () => {
    assert.deepEqual(select("BackupJobSession", "EndTime>=2026-06-15T02:00:00Z"), [53, 54]);
    assert.deepEqual(select("BackupJobSession", "EndTime!=2026-06-15T02:40:00Z"), [51, 52, 53, 55]);
    assert.deepEqual(select("Job", "NextRun<2026-06-17"), [41, 43]);
  });
});

describe("filter evaluation: UIDs", () => {
  it("matches a UID written whole or as a bare id, in any case", () => {
    const job = "00000000-0000-4000-8000-00000000002b";
    assert.deepEqual(select("BackupJobSession", `JobUid=="urn:veeam:Job:${job}"`), [53, 54]);
    assert.deepEqual(select("BackupJobSession", `JobUid==${job.toUpperCase()}`), [53, 54]);
    assert.deepEqual(select("Job", `UID==URN:VEEAM:JOB:${job}`), [43]);
  });
});

describe("filter evaluation: AND, OR and grouping", () => {
  it("evaluates ; before , and honours parentheses", () => {
    assert.deepEqual(
      select("Job", "jobtype==replica;scheduleconfigured==true,jobtype==backup"),
      [41],
    );
    assert.deepEqual(
      select(
        "Job",
        "(jobtype==replica;scheduleconfigured==false),(jobtype==backup;scheduleconfigured==true)",
      ),
      [41, 42],
    );
    assert.deepEqual(
      select("Job", "jobtype==backupcopy;(platform==hyperv,platform==vmware)"),
      [43],
    );
  });
});

describe("filter evaluation: errors", () => {
  it("names an unknown property, its position and the properties the type has", () => {
    const error = refusal("Repository", "FreeSpace<1;Size>2");
    assert.equal(error.position, 13);
    assert.match(error.message, /position 13: Repository has no property Size/);
    assert.match(
      error.message,
      /It has: UID, Name, FreeSpace, Capacity, BackupServerUid, BackupServerName/,
    );
  });

  it("points at a value that does not fit its property", () => {
    assert.equal(refusal("Repository", "FreeSpace<lots").position, 11);
    assert.match(refusal("Job", "ScheduleEnabled==yes").message, /takes True or False, not "yes"/);
  });
});
