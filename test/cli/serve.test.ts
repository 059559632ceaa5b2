import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { send } from "../helpers/client.js";
import { errorLineOf, runEmrest, spawnEmrest, tempDataDir } from "./run-emrest.js";

/** A running `emrest serve` and what it has printed so far. */
interface Served {
  child: ChildProcess;
  stdout: string[];
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `emrest serve` and waits until it has printed `lines` lines on stdout. */
async function serve(args: string[], env: Record<string, string>, lines: number) {
  const child = spawnEmrest(["serve", ...args], env);
  let out = "";
  let err = "";
  child.stderr!.on("data", (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed only: ${out}${err}`)), 20_000);
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      if (out.split("\n").length > lines) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then(() => reject(new Error(`serve exited early: ${err}`)));
  });
  const served: Served = { child, stdout: out.trimEnd().split("\n"), stderr: () => err, exited };
  return served;
}

async function stop(served: Served, signal: NodeJS.Signals = "SIGTERM") {
  served.child.kill(signal);
  return served.exited;
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

describe("emrest serve", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let env: Record<string, string>;
  before(async () => {
    data = await tempDataDir();
    env = { EMREST_DATA_DIR: data.dir, EMREST_DOMAIN: "TESTLAB" };
  });
  after(() => data.remove());

  it("stops a bad configuration with one line and exit code 2", async () => {
    const cases: [string[], RegExp][] = [
      [["--https-port", "70000"], /--https-port must be a port number/],
      [["--no-https", "--http-port", "off"], /both ports are switched off/],
      [["--idle-timeout", "soon"], /--idle-timeout must be a duration/],
      [["--tls-cert", "cert.pem"], /--tls-cert and --tls-key go together/],
    ];
    for (const [args, message] of cases) {
      const result = await runEmrest(["serve", ...args], { env });
      assert.equal(result.code, 2, args.join(" "));
      assert.match(errorLineOf(result), message);
      assert.equal(result.stdout, "");
    }
  });

  it("names the port and its flag when the port is taken, and exits 1", async () => {
    const own = await tempDataDir();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const args = ["serve", "--https-port", "off", "--http-port", String(port)];
      const result = await runEmrest(args, { env: { ...env, EMREST_DATA_DIR: own.dir } });
      assert.equal(result.code, 1);
      // The start-up log lines come first; the reason is the last line.
      assert.equal(
        result.stderr.trimEnd().split("\n").at(-1),
        `emrest: HTTP port ${port} on 127.0.0.1 is in use by another program; ` +
          "choose another with --http-port",
      );
    } finally {
      taken.close();
      await own.remove();
    }
  });

  it("prints both URLs, then the admin password once, and stops on SIGTERM", async () => {
    const served = await serve(["--https-port", "0", "--http-port", "0"], env, 3);
    const [httpsUrl, httpUrl, notice] = served.stdout;

    const saved = join(data.dir, "initial-admin-password");
    const match =
      /^Created administrator TESTLAB\\Administrator with password (\S{20,}) (.+)$/.exec(notice!);
    assert.ok(match, notice);
    assert.equal(match[2], `(also saved in ${saved})`);
    assert.equal(await readFile(saved, "utf8"), `${match[1]}\n`);
    assert.equal((await stat(saved)).mode & 0o777, 0o600);

    assert.match(httpsUrl!, /^https:\/\/127\.0\.0\.1:(?!0\/)\d+\/api\/$/);
    assert.match(httpUrl!, /^http:\/\/127\.0\.0\.1:(?!0\/)\d+\/api\/$/);
    const logon = await send(`${httpUrl}sessionMngr/?v=latest`, {
      method: "POST",
      headers: { Authorization: basic("Administrator", match[1]!) },
    });
    assert.equal(logon.status, 201);
    assert.equal((await send(httpsUrl!)).status, 200);

    assert.equal(await stop(served), 0);
    for (const line of served.stderr().trimEnd().split("\n")) JSON.parse(line);
    assert.equal(served.stderr().includes(match[1]!), false);
  });

  it("does not create the administrator again on the next start, and stops on SIGINT", async () => {
    const served = await serve(["--https-port", "0", "--http-port", "0"], env, 2);

    assert.equal(await stop(served, "SIGINT"), 0);
    assert.equal(served.stdout.length, 2);
    assert.match(served.stdout[0]!, /^https:\/\//);
  });

  it("warns, without the password, when one is given for a store that has accounts", async () => {
    const served = await serve(
      ["--no-https", "--http-port", "0"],
      { ...env, EMREST_ADMIN_PASSWORD: "late:pw" },
      1,
    );

    assert.equal(await stop(served), 0);
    assert.equal(served.stdout.length, 1);
    const warnings = served
      .stderr()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line))
      .filter((l) => l.level === 40);
    assert.ok(
      warnings.some((l) => /password given is ignored/.test(l.msg)),
      served.stderr(),
    );
    assert.ok(!served.stderr().includes("late:pw"));
  });

  it("uses the password from EMREST_ADMIN_PASSWORD and prints only the URL", async () => {
    const fresh = await tempDataDir();
    const password = "given:secret-1";
    const served = await serve(
      ["--no-https", "--http-port", "0"],
      {
        EMREST_DATA_DIR: fresh.dir,
        EMREST_ADMIN_PASSWORD: password,
      },
      1,
    );

    try {
      assert.equal(served.stdout.length, 1);
      assert.match(served.stdout[0]!, /^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
      const logon = await send(`${served.stdout[0]}sessionMngr/?v=latest`, {
        method: "POST",
        headers: { Authorization: basic("Administrator", password) },
      });
      assert.equal(logon.status, 201);
      await assert.rejects(stat(join(fresh.dir, "initial-admin-password")), { code: "ENOENT" });
    } finally {
      assert.equal(await stop(served), 0);
      await fresh.remove();
    }
  });
});
