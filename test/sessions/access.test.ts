import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { REST_ROLES, ROLE_MATRIX, type RestRole } from "../../src/sessions/access-matrix.js";
import { isAllowed, mayRequest, restRoleMay, type Principal } from "../../src/sessions/access.js";
import { operationOf, parsePattern } from "../../src/sessions/operation.js";

const ID = "5f1e3b8c-0d7a-4c2e-9b41-7a6d2f0c8e13";
const admin: Principal = { kind: "account", role: "PortalAdministrator" };
const user: Principal = { kind: "account", role: "PortalUser" };
const operator: Principal = { kind: "account", role: "RestoreOperator" };
const tenant: Principal = { kind: "tenant", role: "None" };
const noRole: Principal = { kind: "account", role: "None" };

/** [method, target under /api/, allowed] */
type Case = [string, string, boolean];

function check(principal: Principal, cases: Case[]) {
  for (const [method, target, allowed] of cases) {
    assert.equal(mayRequest(principal, method, target), allowed, `${method} ${target}`);
  }
}

describe("the role matrix for a Portal User", () => {
  it("allows reading backup sessions but not stopping one", () => {
    check(user, [
      ["GET", "backupSessions", true],
      ["GET", "backupSessions?format=Entity", true],
      ["GET", `backupSessions/${ID}`, true],
      ["GET", `backupSessions/${ID}/taskSessions`, true],
      ["POST", `backupSessions/${ID}?action=stop`, false],
      ["GET", `backupSessions/${ID}?action=stop`, false],
    ]);
  });

  it("refuses jobs, failover plans, security and CDP policies whatever the method", () => {
    for (const path of ["jobs", `jobs/${ID}`, "failoverPlans", "security", "cdpPolicies"]) {
      for (const method of ["GET", "HEAD", "POST", "PUT", "DELETE"]) {
        assert.equal(mayRequest(user, method, path), false, `${method} ${path}`);
      }
    }
    check(user, [[`POST`, `jobs/${ID}?action=start`, false]]);
  });

  it("allows the backup server reads and actions it lists, not creating or changing servers", () => {
    check(user, [
      ["GET", "backupServers", true],
      ["GET", `backupServers/${ID}?format=Entity`, true],
      ["POST", `backupServers/${ID}?action=collect`, true],
      ["POST", `backupServers/${ID}?action=quickbackup`, true],
      ["POST", "backupServers?action=create", false],
      ["PUT", `backupServers/${ID}`, false],
      ["DELETE", `backupServers/${ID}`, false],
      ["GET", `backupServers/${ID}/jobs`, false],
    ]);
  });

  it("allows whole resources marked (all), with their sub-resources and every method", () => {
    check(user, [
      ["GET", "reports/summary", true],
      ["GET", "reports/summary/job_statistics", true],
      ["GET", `repositories/${ID}/backups`, true],
      ["DELETE", "tasks/task-3", true],
      ["GET", "catalog/vms/fileserver01/vmRestorePoints", true],
    ]);
  });

  it("decides queries by their type, and the lookup as part of the lookup service", () => {
    check(user, [
      ["GET", "querySvc", true],
      ["GET", "query?type=BackupJobSession&format=Entities&pageSize=15", true],
      ["GET", "query?type=Job", false],
      ["GET", "query?type=FailoverPlan", false],
      ["GET", "query", false],
      ["GET", "query?type=NoSuchType", false],
      ["GET", "lookupSvc", true],
      ["GET", "lookup?host=urn:veeam:HierarchyRoot:1&name=*&type=Vm", true],
    ]);
  });

  it("gives Cloud Connect's provider side but not the cloud root or cloud failover plans", () => {
    check(user, [
      ["GET", "cloud/tenants", true],
      ["GET", "cloud/gateways/x", true],
      ["GET", "cloud", false],
      ["GET", "cloud/cloudFailoverPlans", false],
    ]);
  });

  it("tells mounts apart from files in mounts by the length of the path", () => {
    check(user, [
      ["GET", `vmRestorePoints/${ID}/mounts/${ID}/C:/Windows/win.ini`, true],
      ["GET", `vmRestorePoints/${ID}/mounts/${ID}`, false],
      ["GET", `vmRestorePoints/${ID}/mounts`, false],
      ["POST", `vmRestorePoints/${ID}?action=restore`, false],
    ]);
  });

  it("refuses what the matrix does not mention", () => {
    check(user, [
      ["GET", "systemSessions", false],
      ["GET", "cdpReplica/vms", false],
      ["GET", "noSuchThing", false],
      ["OPTIONS", "backupSessions", false],
      ["GET", "", false],
    ]);
  });

  it("matches paths, parameter names and values in any case and as the router decodes them", () => {
    check(user, [
      ["get", "BACKUPSESSIONS", true],
      ["HEAD", "backupsessions/", true],
      ["GET", "//backupSessions//", true],
      ["GET", "JOBS", false],
      ["GET", "%6Aobs", false],
      ["POST", `backupSessions/${ID}?ACTION=STOP`, false],
      ["GET", "query?TYPE=job", false],
      ["GET", "Query?Type=backupjobsession", true],
    ]);
  });

  it("refuses an action or type given twice with different values", () => {
    check(user, [
      ["POST", `backupServers/${ID}?action=collect&action=collect`, true],
      ["POST", `backupServers/${ID}?action=collect&action=stop`, false],
      ["POST", `backupServers/${ID}?action=collect&Action=stop`, false],
      ["GET", "query?type=Backup&type=Job", false],
    ]);
  });
});

describe("the role matrix for a Restore Operator", () => {
  it("allows the catalog, restore sessions, tasks and running failover plans", () => {
    check(operator, [
      ["GET", "catalog/vms", true],
      ["GET", `restoreSessions/${ID}?format=Entity`, true],
      ["GET", "tasks", true],
      ["DELETE", "tasks/task-1", true],
      ["GET", "failoverPlans", true],
      ["POST", `failoverPlans/${ID}?action=start`, true],
      ["POST", `failoverPlans/${ID}?action=undo`, true],
      ["PUT", `failoverPlans/${ID}`, false],
    ]);
  });

  it("refuses jobs, backup servers, backup sessions, repositories and reports", () => {
    check(operator, [
      ["GET", "jobs", false],
      ["POST", `jobs/${ID}?action=start`, false],
      ["GET", "backupServers", false],
      ["GET", "backupSessions", false],
      ["GET", "repositories", false],
      ["GET", "reports/summary", false],
      ["GET", "lookupSvc", false],
      ["GET", "security", false],
      ["GET", "cloud", false],
    ]);
  });

  it("may do what the VM restore role may and what the file restore role may", () => {
    check(operator, [
      ["POST", `vmRestorePoints/${ID}?action=restore`, true], // VM Restore Operator only
      ["POST", `vmRestorePoints/${ID}/mounts`, true], // File Restore Operator only
      ["GET", `backupFiles/${ID}/restorePoints`, true],
      ["GET", "backupFiles", false],
      ["GET", "query?type=VmRestorePoint", true],
      ["GET", "query?type=BackupServer", false],
    ]);
    const restore = operationOf("POST", `vmRestorePoints/${ID}?action=restore`)!;
    assert.equal(restRoleMay("VM Restore Operator", restore), true);
    assert.equal(restRoleMay("File Restore Operator", restore), false);
    assert.equal(restRoleMay("SQL Restore Operator", restore), false);
  });
});

describe("the role matrix for tenants, administrators and accounts without a role", () => {
  it("lets a tenant use Cloud Connect and its own logon sessions only", () => {
    check(tenant, [
      ["GET", "cloud", true],
      ["GET", "cloud/failoverSessions", true],
      ["GET", "logonSessions", true],
      ["DELETE", `logonSessions/${ID}`, true],
      ["GET", "backupSessions", false],
      ["GET", "querySvc", false],
      ["GET", "jobs", false],
    ]);
  });

  it("lets the Portal Administrator do anything, even what the matrix does not name", () => {
    check(admin, [
      ["GET", "jobs", true],
      ["POST", "backupServers?action=create", true],
      ["GET", "systemSessions", true],
      ["POST", `backupServers/${ID}?action=collect&action=stop`, true],
    ]);
  });

  it("lets every role read and end its own logon sessions", () => {
    for (const principal of [user, operator, tenant]) {
      check(principal, [
        ["GET", "logonSessions", true],
        ["GET", `logonSessions/${ID}`, true],
        ["DELETE", `logonSessions/${ID}`, true],
      ]);
    }
  });

  it("refuses everything to an account without a role", () => {
    check(noRole, [
      ["GET", "logonSessions", false],
      ["GET", "backupSessions", false],
      ["GET", "catalog/vms", false],
    ]);
    assert.equal(isAllowed(user, undefined), false);
    assert.equal(isAllowed(admin, undefined), true);
  });
});

/** A request the matrix line describes: `{ID}` and `{filepath}` filled in. */
function examplesOf(line: string): [method: string, target: string][] {
  const fill = (path: string) =>
    path
      .replace(/\{ID\}/g, ID)
      .replace("{filepath}", "D:/shares/report.docx")
      .slice(1);
  const whole = /^(\S+) \(all\)$/.exec(line);
  if (whole !== null) {
    return [
      ["GET", fill(whole[1]!)],
      ["POST", `${fill(whole[1]!)}/${ID}?action=start`],
    ];
  }
  const [method, target] = line.split(" ");
  return [[method!, fill(target!)]];
}

describe("the role matrix as the vendor lists it", () => {
  for (const [role, columns] of Object.entries(ROLE_MATRIX)) {
    it(`allows every operation the ${role} column lists as available`, () => {
      for (const line of columns.available) {
        for (const [method, target] of examplesOf(line)) {
          const operation = operationOf(method, target)!;
          assert.equal(restRoleMay(role as RestRole, operation), true, `${line}: ${target}`);
        }
      }
    });

    it(`refuses every operation the ${role} column lists as unavailable`, () => {
      for (const line of columns.unavailable) {
        for (const [method, target] of examplesOf(line)) {
          const operation = operationOf(method, target)!;
          assert.equal(restRoleMay(role as RestRole, operation), false, `${line}: ${target}`);
        }
      }
    });
  }

  it("gives a Restore Operator what any restore operator column makes available", () => {
    const roles = REST_ROLES.RestoreOperator as RestRole[];
    assert.equal(roles.length, 5);
    for (const role of roles) {
      for (const line of ROLE_MATRIX[role].available) {
        for (const [method, target] of examplesOf(line)) {
          assert.equal(mayRequest(operator, method, target), true, `${role}: ${line}`);
        }
      }
    }
  });

  it("reads {ID} as one segment and a final {filepath} as one or more", () => {
    const file = parsePattern("GET /vmRestorePoints/{ID}/mounts/{ID}/{filepath}");
    const one = parsePattern("GET /backupSessions/{ID}");
    const matches = (pattern: typeof one, target: string) =>
      pattern.matches(operationOf("GET", target)!);

    assert.equal(matches(file, "vmRestorePoints/1/mounts/2/a"), true);
    assert.equal(matches(file, "vmRestorePoints/1/mounts/2/a/b/c.txt"), true);
    assert.equal(matches(file, "vmRestorePoints/1/mounts/2"), false);
    assert.equal(matches(file, "vmRestorePoints/1/other/2/a"), false);
    assert.equal(matches(one, "backupSessions/1"), true);
    assert.equal(matches(one, "backupSessions/1%2Fx"), true);
    assert.equal(matches(one, "backupSessions"), false);
    assert.equal(matches(one, "backupSessions/1/taskSessions"), false);
  });

  it("refuses to read a line that is not in the vendor's notation", () => {
    for (const line of ["GET backupSessions", "/jobs", "FETCH /jobs", "GET /q?format=Entity"]) {
      assert.throws(() => parsePattern(line), /not an operation of the role matrix/, line);
    }
  });
});
