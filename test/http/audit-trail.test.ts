import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, test } from "node:test";
import { basic, send } from "../helpers/client.js";
import { sendFrom } from "../helpers/raw-http.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

/** The audit trail as an operator reads it: the `audit: true` lines of the server's log. */
describe("the audit trail", () => {
  let server: TestServer;
  const audit = () => server.logs.filter((line) => line.audit === true);
  const secrets: string[] = [];

  before(async () => {
    server = await startTestServer({ flags: { idleTimeout: "2s" } });
    await server.addAccount("SRV12\\auditor", "aud1t-pw");
    await server.addTenant("ABC Company", "t3nant-pw");
    secrets.push("aud1t-pw", "t3nant-pw");
  });
  after(() => server.close());

  /** Logs on from 127.0.0.9 and returns the token and SessionId. */
  async function logonFrom9(user: string, password: string) {
    const reply = await sendFrom("127.0.0.9", `${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic(user, password) },
    });
    assert.equal(reply.status, 201);
    const token = String(reply.headers["x-restsvcsessionid"]);
    secrets.push(token, parseXml(reply.body).LogonSession.SessionId);
    return { token, sessionId: parseXml(reply.body).LogonSession.SessionId as string };
  }

  test("a logon and its logout name the account, the address and the same session hash", async () => {
    const { token, sessionId } = await logonFrom9("auditor", "aud1t-pw");
    const out = await sendFrom("127.0.0.9", `${server.http}/api/logonSessions/${sessionId}`, {
      method: "DELETE",
      headers: { "x-restsvcsessionid": token },
    });
    assert.equal(out.status, 204);

    const logon = audit().find((line) => line.event === "logon")!;
    const logout = audit().find((line) => line.event === "logout")!;
    for (const line of [logon, logout]) {
      assert.equal(line.account, "SRV12\\auditor");
      assert.equal(line.kind, "account");
      assert.equal(line.address, "127.0.0.9");
      assert.match(String(line.session), /^[0-9a-f]{16}$/);
    }
    assert.equal(logon.session, logout.session);

    // Salted: not a piece of the store key (SHA-256 of the token) either.
    const keyHash = createHash("sha256").update(token).digest("hex");
    assert.ok(!keyHash.includes(String(logon.session)));
  });

  test("two sessions get two different hashes", async () => {
    await logonFrom9("auditor", "aud1t-pw");
    await logonFrom9("auditor", "aud1t-pw");
    const hashes = audit()
      .filter((line) => line.event === "logon")
      .map((line) => line.session);
    assert.equal(new Set(hashes).size, hashes.length);
  });

  test("a failed logon names the account as given and the address", async () => {
    await sendFrom("127.0.0.9", `${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: { authorization: basic("nobody@srv12", "not-the-pw") },
    });
    const line = audit().find((entry) => entry.event === "logon-failed")!;
    assert.equal(line.account, "SRV12\\nobody");
    assert.equal(line.address, "127.0.0.9");
    assert.equal(line.session, undefined);
  });

  test("a tenant's logon is audited as a tenant", async () => {
    const body =
      "<LoginSpec><TenantCredentials><Username>ABC Company</Username>" +
      "<Password>t3nant-pw</Password></TenantCredentials></LoginSpec>";
    const reply = await send(`${server.http}/api/sessionMngr/?v=latest`, { method: "POST", body });
    assert.equal(reply.status, 201);
    secrets.push(String(reply.headers["x-restsvcsessionid"]));
    const line = audit().findLast((entry) => entry.event === "logon")!;
    assert.equal(line.account, "ABC Company");
    assert.equal(line.kind, "tenant");
  });

  test("the expiry sweeper writes how many sessions expired", async () => {
    await server.logon("auditor", "aud1t-pw");
    await sleep(3_500);
    const lines = audit().filter((line) => line.event === "expired");
    assert.ok(lines.length > 0, "no expiry line");
    assert.ok(lines.every((line) => typeof line.count === "number" && line.count > 0));
  });

  test("no audit line, nor any other, holds a password, a token or a SessionId", () => {
    assert.ok(secrets.length >= 8);
    const text = JSON.stringify(server.logs);
    for (const secret of secrets) assert.ok(!text.includes(secret), `leaked ${secret}`);
  });
});
