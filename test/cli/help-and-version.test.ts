import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { errorLineOf, REPO, runEmrest } from "./run-emrest.js";

describe("emrest --help and version", () => {
  it("lists every command in the top-level help", async () => {
    const result = await runEmrest(["--help"]);

    assert.equal(result.code, 0);
    for (const command of ["serve", "accounts", "tenants", "sessions", "version"]) {
      assert.match(result.stdout, new RegExp(`^\\s+${command}\\b`, "m"));
    }
  });

  it("shows each serve default and its environment variable", async () => {
    const result = await runEmrest(["serve", "--help"]);
    const help = result.stdout.replace(/\s+/g, " ");

    assert.equal(result.code, 0);
    assert.match(help, /--https-port <port> .*\(default: 9398, env: EMREST_HTTPS_PORT\)/);
    assert.match(help, /--http-port <port> .*\(default: 9399, env: EMREST_HTTP_PORT\)/);
    assert.match(help, /--listen <address> .*\(default: 127\.0\.0\.1, env: EMREST_LISTEN\)/);
    assert.match(help, /\(default: \.\/data, env: EMREST_DATA_DIR\)/);
    assert.match(help, /\(default: sqlite:emrest\.db, env: EMREST_STORE\)/);
    assert.match(help, /\(default: 15m, env: EMREST_IDLE_TIMEOUT\)/);
    assert.match(help, /\(default: Administrator, env: EMREST_ADMIN_USER\)/);
    assert.match(help, /--no-https /);
    assert.match(help, /--no-http /);
  });

  it("shows the store defaults in the help of a store command", async () => {
    const result = await runEmrest(["accounts", "add", "--help"]);
    const help = result.stdout.replace(/\s+/g, " ");

    assert.equal(result.code, 0);
    assert.match(help, /--data-dir <dir> .*\(default: \.\/data, env: EMREST_DATA_DIR\)/);
    assert.match(help, /--role <role> one of PortalAdministrator, PortalUser, RestoreOperator/);
  });

  it("prints the version from package.json, with version and --version alike", async () => {
    const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8"));

    const short = await runEmrest(["--version"]);
    assert.equal(short.code, 0);
    assert.equal(short.stdout, `emrest ${pkg.version}\n`);

    // `version` also names the build: the commit of the checkout it runs from.
    const commit = execFileSync("git", ["-C", REPO, "rev-parse", "--short=12", "HEAD"], {
      encoding: "utf8",
    }).trim();
    const long = await runEmrest(["version"]);
    assert.equal(long.code, 0);
    assert.equal(long.stdout, `emrest ${pkg.version} (commit ${commit})\n`);
    assert.equal(long.stderr, "");
  });

  it("refuses an unknown command with one line and exit code 2", async () => {
    const result = await runEmrest(["frobnicate"]);

    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /unknown command 'frobnicate'/);
    assert.equal(result.stdout, "");
  });

  it("asks for a command in one line when given none, or a group alone", async () => {
    const cases: [string[], string][] = [
      [[], "emrest: give a command: serve, accounts, tenants, sessions, inventory, version"],
      [["accounts"], "emrest: accounts needs a command: add, list, remove, set-password, set-role"],
      [["inventory"], "emrest: inventory needs a command: load, generate, show"],
    ];
    for (const [args, start] of cases) {
      const result = await runEmrest(args);
      assert.equal(result.code, 2, args.join(" "));
      assert.ok(errorLineOf(result).startsWith(start), result.stderr);
      assert.equal(result.stdout, "");
    }
  });

  it("refuses an unknown option with one line and exit code 2", async () => {
    const result = await runEmrest(["accounts", "list", "--colour"]);

    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /unknown option '--colour'/);
  });
});
