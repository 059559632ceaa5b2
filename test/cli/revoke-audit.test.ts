import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { basic, send } from "../helpers/client.js";
import { tempDataDir } from "./run-emrest.js";
import { startServe, type ServeProcess } from "./serve-process.js";

describe("emrest sessions revoke, in the audit trail", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let served: ServeProcess;
  before(async () => {
    data = await tempDataDir();
    served = await startServe(data.dir, ["--admin-password", "rev0ke-pw"]);
  });
  after(async () => {
    served.child.kill("SIGTERM");
    await served.exited;
    await data.remove();
  });

  it("writes a revoked line with the same session hash the server logged at logon", async () => {
    const logon = await send(`${served.url}sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic("Administrator", "rev0ke-pw") },
    });
    assert.equal(logon.status, 201);
    const token = String(logon.headers["x-restsvcsessionid"]);
    const logonLine = served.logs().find((line) => line.audit && line.event === "logon")!;

    const result = await data.emrest(["sessions", "revoke", "--account", "Administrator"]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, "revoked 1 session\n");

    const lines = result.stderr
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.equal(lines.length, 1);
    assert.equal(lines[0].audit, true);
    assert.equal(lines[0].event, "revoked");
    assert.equal(lines[0].account, "TESTLAB\\Administrator");
    assert.equal(lines[0].by, "cli");
    assert.equal(lines[0].session, logonLine.session);
    assert.ok(!result.stderr.includes(token));

    const after = await send(`${served.url}logonSessions`, {
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(after.status, 401);
  });
});
