import assert from "node:assert/strict";
import { METHODS } from "node:http";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { send } from "../helpers/client.js";
import { formatRequest, sendRaw, type RawReply } from "../helpers/raw-http.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";
import { fuzzRequest, type FuzzRequest, type FuzzWorld } from "./fuzz-requests.js";

/**
 * Property-based fuzzing of the whole HTTP surface for a bounded time: FUZZ_SECONDS (30 by
 * default; set it higher for a long run) split between well-formed requests and raw
 * garbage. FUZZ_SEED replays a run that failed (fast-check prints the seed and path).
 * The throttle is off here so that valid logons keep opening sessions to fuzz with.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 30);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const ERROR_KEYS = ["FirstChanceExceptionMessage", "Message", "StackTrace", "Status", "StatusCode"];
const TOKEN = /^[A-Za-z0-9+/]{48}$/;

describe(`fuzzing the HTTP surface for ${SECONDS} s`, { timeout: SECONDS * 1000 + 60_000 }, () => {
  let server: TestServer;
  const world: FuzzWorld = {
    userName: "SRV12\\fuzzer",
    password: "Pw~fuzzer-right",
    tenant: "Fuzz Tenant",
    tenantPassword: "Pw~tenant-right",
    tokens: [],
    sessionIds: [],
    doomed: [],
  };
  /** Every password and token sent or issued, none of which may reach a log. */
  const secrets = new Set<string>([world.password, world.tenantPassword]);
  const statuses = new Map<number, number>();

  before(async () => {
    server = await startTestServer({ flags: { maxAccountFailures: "0", maxAddressFailures: "0" } });
    await server.addAccount(world.userName, world.password);
    await server.addTenant(world.tenant, world.tenantPassword);
    for (let i = 0; i < 66; i++) {
      const reply = await server.logon(world.userName, world.password);
      const sessionId: string = parseXml(reply.body).LogonSession.SessionId;
      if (i < 6) (world.tokens.push(reply.token), world.sessionIds.push(sessionId));
      else world.doomed.push([reply.token, sessionId]);
      secrets.add(reply.token);
    }
  });
  after(() => server.close());

  const options = (share: number) => ({
    numRuns: 1_000_000,
    interruptAfterTimeLimit: SECONDS * 1000 * share,
    markInterruptAsFailure: false,
    includeErrorInReport: true,
    seed: SEED,
  });

  test("no 5xx, every error in the asked representation, no secret echoed", async () => {
    const property = fc.asyncProperty(fuzzRequest(world), async (request) => {
      const bytes = formatRequest(
        request.method,
        request.target,
        request.headers,
        Buffer.from(request.body),
      );
      const reply = await sendRaw(server.http, bytes);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      noteSecrets(request, reply);
      checkReply(request, reply);
    });
    await fc.assert(property, options(0.8));

    // A fuzzer that only ever got 400 would prove little: the valid paths were reached too.
    for (const status of [200, 201, 204, 400, 401, 404, 405, 413]) {
      assert.ok(statuses.has(status), `no ${status} in ${JSON.stringify([...statuses])}`);
    }
  });

  test("raw garbage gets at most an XML Error, and the server lives on", async () => {
    const garbage = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
      fc.string({ maxLength: 200 }).map((text) => `${text}\r\n\r\n`),
      fc
        .tuple(
          fc.string({ maxLength: 10 }),
          fc.string({ maxLength: 60 }),
          fc.string({ maxLength: 12 }),
        )
        .map(([method, path, version]) => `${method} ${path} ${version}\r\nHost: x\r\n\r\n`),
    );
    const property = fc.asyncProperty(garbage, async (bytes) => {
      const reply = await sendRaw(server.http, bytes, { end: true });
      if (reply.status === 0) return;
      assert.ok(reply.status < 500 || reply.status === 501, reply.text.slice(0, 200));
      if (reply.status >= 400 && reply.body !== "") {
        assert.equal(parseXml(reply.body).Error["@StatusCode"], String(reply.status));
      }
    });
    await fc.assert(property, options(0.2));
    assert.equal((await send(`${server.http}/api/`)).status, 200);
  });

  test("no log line holds a password, a token or a whole SessionId, and none is an error", () => {
    // Scanning for what looks like a secret and looking each up is far quicker than
    // searching the whole log for each of thousands of secrets.
    const text = JSON.stringify(server.logs);
    const sessionIds = new Set([...world.sessionIds, ...world.doomed.map(([, id]) => id)]);
    const candidates = text.match(/Pw~[A-Za-z0-9-]+|[A-Za-z0-9+/]{48}|[0-9a-f-]{36}/gi) ?? [];
    for (const candidate of candidates) {
      assert.ok(!secrets.has(candidate), `the log holds ${candidate}`);
      assert.ok(!sessionIds.has(candidate.toLowerCase()), `the log holds ${candidate}`);
    }

    // The request line of a 501 (a resource not served yet) is at error level by design.
    const errors = server.logs.filter((line) => Number(line.level) >= 50 && line.status !== 501);
    assert.deepEqual(errors, []);
  });

  /** Every invented password and every token, sent or issued, for the log check. */
  function noteSecrets(request: FuzzRequest, reply: RawReply) {
    for (const password of passwordsIn(request)) secrets.add(password);
    for (const token of tokensIn(request)) secrets.add(token);
    const issued = reply.headers["x-restsvcsessionid"];
    if (issued !== undefined) secrets.add(issued);
  }
});

function checkReply(request: FuzzRequest, reply: RawReply) {
  assert.notEqual(reply.status, 0, "the connection closed without a reply");
  assert.ok(reply.status < 500 || reply.status === 501, `got ${reply.status}: ${reply.body}`);
  assert.equal(reply.headers["x-content-type-options"], "nosniff");
  assert.equal(reply.headers["x-frame-options"], "DENY");
  assert.equal(reply.headers["cache-control"], "private");
  assert.equal(reply.headers["transfer-encoding"], undefined);

  if (request.method === "HEAD") return;
  if (reply.status === 204) {
    assert.equal(reply.body, "");
    return;
  }
  assert.equal(Number(reply.headers["content-length"]), Buffer.byteLength(reply.body));
  if (reply.status >= 400) checkError(request, reply);
  checkNoEcho(request, reply);
}

/** JSON when Accept names it, XML otherwise; XML too when Node could not parse the request. */
function checkError(request: FuzzRequest, reply: RawReply) {
  const parsed = METHODS.includes(request.method);
  if (parsed && /application\/json/i.test(request.headers.accept ?? "")) {
    assert.match(reply.headers["content-type"] ?? "", /^application\/json/);
    const error = JSON.parse(reply.body);
    assert.deepEqual(Object.keys(error), ERROR_KEYS);
    assert.equal(error.StatusCode, reply.status);
    return;
  }
  assert.match(reply.headers["content-type"] ?? "", /^application\/xml/);
  assert.equal(parseXml(reply.body).Error["@StatusCode"], String(reply.status));
}

/**
 * No password the request carried appears anywhere in the reply; a token it carried only
 * in the token header and cookie of a 201, where a logon beside a live session returns it.
 */
function checkNoEcho(request: FuzzRequest, reply: RawReply) {
  // Invented passwords start with Pw~, which nothing else in a reply does: even a piece of
  // one (a parser quoting a few characters around an error) counts as a leak.
  if (passwordsIn(request).length > 0 && !request.target.includes("Pw~")) {
    assert.ok(!reply.text.includes("Pw~"), "the reply echoes a password");
  }
  for (const token of tokensIn(request)) {
    assert.ok(!reply.body.includes(token), `the body echoes ${token}`);
    const { "x-restsvcsessionid": header, "set-cookie": cookie, ...rest } = reply.headers;
    assert.ok(!JSON.stringify(rest).includes(token), `a header echoes ${token}`);
    if (reply.status !== 201) assert.ok(!`${header}${cookie}`.includes(token));
  }
}

function passwordsIn(request: FuzzRequest): string[] {
  const basic = /^basic\s+(\S+)/i.exec(request.headers.authorization ?? "")?.[1] ?? "";
  const text = `${Buffer.from(basic, "base64").toString("utf8")} ${Buffer.from(request.body)}`;
  return text.match(/Pw~[A-Za-z0-9-]+/g) ?? [];
}

function tokensIn(request: FuzzRequest): string[] {
  const cookie = request.headers.cookie?.replace(/^X-RestSvcSessionId=/, "");
  return [request.headers["x-restsvcsessionid"], cookie].filter(
    (value): value is string => value !== undefined && TOKEN.test(value),
  );
}
