import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mayFollowLink, methodOfLink } from "../../src/sessions/link-access.js";
import { operationOf } from "../../src/sessions/operation.js";

const ID = "66122f98-3971-46f9-835d-2dbd6c16a6f0";
const monitor = { kind: "account", role: "PortalUser" } as const;
const operator = { kind: "account", role: "RestoreOperator" } as const;

describe("the link decision", () => {
  it("follows a link with the method its Rel or its action names", () => {
    assert.equal(methodOfLink("Down", `backupServers/${ID}/credentials`), "GET");
    assert.equal(methodOfLink("Alternate", `jobs/${ID}?format=Entity`), "GET");
    assert.equal(methodOfLink("Start", `jobs/${ID}?action=start`), "POST");
    assert.equal(methodOfLink("Create", `vmRestorePoints/${ID}/mounts`), "POST");
    assert.equal(methodOfLink("Edit", `jobs/${ID}?action=edit`), "PUT");
    assert.equal(methodOfLink("Delete", `tasks/${ID}`), "DELETE");
  });

  it("hands a Portal User a backup server's reads and collect action, not its credential creation", () => {
    assert.equal(mayFollowLink(monitor, "Down", `backupServers/${ID}/credentials`), true);
    assert.equal(mayFollowLink(monitor, "Start", `backupServers/${ID}?action=collect`), true);
    assert.equal(
      mayFollowLink(monitor, "Create", `backupServers/${ID}/credentials?action=create`),
      false,
    );
    assert.equal(mayFollowLink(monitor, "Up", `jobs/${ID}`), false);
  });

  it("hands a Restore Operator a restore point's restore action, not its backup server", () => {
    assert.equal(mayFollowLink(operator, "Restore", `vmRestorePoints/${ID}?action=restore`), true);
    assert.equal(mayFollowLink(operator, "Up", `backupServers/${ID}`), false);
    assert.equal(mayFollowLink(operator, "Down", "query?type=Job&format=Entities"), false);
  });

  it("hands every role the entry point and logon, which no role check stands in front of", () => {
    for (const principal of [monitor, operator, { kind: "tenant", role: "None" } as const]) {
      assert.equal(mayFollowLink(principal, "Up", ""), true);
      assert.equal(mayFollowLink(principal, "Create", "sessionMngr/?v=latest"), true);
    }
  });
});

describe("reading an operation's action and type", () => {
  it("still finds them when their names are percent-encoded or in another casing", () => {
    assert.equal(operationOf("POST", `jobs/${ID}?%61ction=start`)?.action, "start");
    assert.equal(operationOf("POST", `jobs/${ID}?ACTION=Start`)?.action, "start");
    assert.equal(operationOf("GET", "query?format=Entities&%74ype=Job")?.type, "job");
  });

  it("finds neither in a query without them", () => {
    const operation = operationOf("GET", `jobs/${ID}?format=Entity`)!;
    assert.equal(operation.action, undefined);
    assert.equal(operation.type, undefined);
  });
});
