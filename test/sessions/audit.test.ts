import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import pino from "pino";
import { ConfigError } from "../../src/config.js";
import { AuditLog } from "../../src/sessions/audit.js";
import { loadAuditSalt } from "../../src/sessions/audit-salt.js";

function capture(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level }, sink) };
}

describe("AuditLog", () => {
  const keyHash = Buffer.alloc(32, 7);
  const salt = Buffer.alloc(32, 1);

  test("writes one structured line per event, with audit: true", () => {
    const { lines, logger } = capture();
    const audit = new AuditLog(logger, salt);
    const actor = { account: "SRV12\\admin", kind: "account" as const, address: "10.0.0.1" };
    audit.logon(actor, keyHash);
    audit.logonFailed(actor);
    audit.logonThrottled(actor, "address");
    audit.logout(actor, keyHash);
    audit.revoked({ ...actor, address: null }, keyHash, "cli");
    audit.expired(3);

    assert.deepEqual(
      lines.map((line) => [line.audit, line.event]),
      ["logon", "logon-failed", "logon-throttled", "logout", "revoked", "expired"].map((e) => [
        true,
        e,
      ]),
    );
    const hash = audit.sessionHash(keyHash);
    assert.match(hash, /^[0-9a-f]{16}$/);
    assert.equal(lines[0]!.session, hash);
    assert.equal(lines[3]!.session, hash);
    assert.equal(lines[0]!.address, "10.0.0.1");
    assert.equal(lines[2]!.reason, "address");
    assert.equal(lines[4]!.by, "cli");
    assert.equal(lines[5]!.count, 3);
    assert.ok(!JSON.stringify(lines).includes(keyHash.toString("hex")));
  });

  test("the session hash depends on the salt, so logs alone cannot be matched to the store", () => {
    const a = new AuditLog(undefined, salt).sessionHash(keyHash);
    const b = new AuditLog(undefined, Buffer.alloc(32, 2)).sessionHash(keyHash);
    assert.notEqual(a, b);
    assert.equal(new AuditLog(undefined, salt).sessionHash(keyHash), a);
  });

  test("is written at log level warn too, but not when the log is silent", () => {
    const warn = capture("warn");
    new AuditLog(warn.logger, salt).logonFailed({ account: "x", kind: "account" });
    assert.equal(warn.lines.length, 1);

    const silent = capture("silent");
    new AuditLog(silent.logger, salt).logonFailed({ account: "x", kind: "account" });
    assert.equal(silent.lines.length, 0);
  });

  test("cuts a very long name given at logon", () => {
    const { lines, logger } = capture();
    new AuditLog(logger, salt).logonFailed({ account: "n".repeat(5000), kind: "account" });
    assert.equal(String(lines[0]!.account).length, 256);
  });
});

describe("loadAuditSalt", () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), "emrest-salt-"))));
  after(() => rm(dir, { recursive: true, force: true }));

  test("creates a 32-byte salt readable only by its owner, and reuses it", async () => {
    const first = await loadAuditSalt(dir);
    assert.equal(first.length, 32);
    assert.equal((await stat(join(dir, "audit-salt"))).mode & 0o777, 0o600);
    assert.deepEqual(await loadAuditSalt(dir), first);
    assert.equal((await readFile(join(dir, "audit-salt"), "utf8")).trim(), first.toString("hex"));
  });

  test("refuses a damaged salt file with a configuration error", async () => {
    const other = await mkdtemp(join(tmpdir(), "emrest-salt-"));
    await writeFile(join(other, "audit-salt"), "not hex\n");
    await assert.rejects(loadAuditSalt(other), ConfigError);
    await rm(other, { recursive: true });
  });
});
