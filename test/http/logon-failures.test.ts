import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { basic, send } from "../helpers/client.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

describe("failed logons", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\operator", "secret");
    await server.addAccount("SRV12\\norole", "secret", "None");
  });
  after(() => server.close());

  const logonWith = (authorization?: string) =>
    send(`${server.http}/api/sessionMngr/?v=latest`, {
      method: "POST",
      headers: authorization === undefined ? {} : { authorization },
    });

  function assertRefused(reply: Awaited<ReturnType<typeof logonWith>>) {
    assert.equal(reply.status, 401, reply.body);
    assert.equal(reply.headers["www-authenticate"], "Basic Realm=RestSvc");
    assert.equal(reply.headers["x-restsvcsessionid"], undefined);
    assert.equal(reply.headers["set-cookie"], undefined);
    assert.equal(parseXml(reply.body).Error["@StatusCode"], "401");
  }

  test("a wrong password gets 401 with WWW-Authenticate and no token", async () => {
    assertRefused(await logonWith(basic("operator", "wrong")));
  });

  test("an unknown account answers exactly as a wrong password", async () => {
    const unknown = await logonWith(basic("nobody", "secret"));
    const wrong = await logonWith(basic("operator", "wrong"));
    assertRefused(unknown);
    assert.equal(unknown.body, wrong.body);
  });

  test("an account with no role cannot log on, and says no more than a wrong password", async () => {
    const noRole = await logonWith(basic("norole", "secret"));
    assertRefused(noRole);
    assert.equal(noRole.body, (await logonWith(basic("operator", "wrong"))).body);
  });

  for (const [label, header] of [
    ["no Authorization header", undefined],
    ["an empty header", ""],
    ["a scheme other than Basic", "Bearer abc"],
    ["a value that is not base64", "Basic !!!not-base64!!!"],
    ["credentials with no colon", `Basic ${Buffer.from("operator").toString("base64")}`],
    ["credentials that are not UTF-8", `Basic ${Buffer.from([0x6f, 0x70, 0xff, 0x3a, 0x78]).toString("base64")}`],
    ["an empty user name", basic("", "secret")],
    ["a huge header", `Basic ${"A".repeat(12000)}`],
  ] as const) {
    test(`${label} gets 401`, async () => {
      assertRefused(await logonWith(header));
    });
  }

  test("a failed logon is logged without the password or the header", async () => {
    await logonWith(basic("operator", "hunter2-secret"));
    const text = JSON.stringify(server.logs);
    assert.ok(!text.includes("hunter2-secret"));
    assert.ok(!text.includes(basic("operator", "hunter2-secret").slice(6)));
  });
});
