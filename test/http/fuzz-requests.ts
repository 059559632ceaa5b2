import fc from "fast-check";

/**
 * Generators of requests across the whole HTTP surface for the fuzz suite: methods, paths
 * with odd encodings, queries, credential headers, content types and bodies. Every request
 * is well-formed HTTP/1.1 unless its method is not one Node parses, so each reply can be
 * held to the representation the request asked for.
 */
export interface FuzzRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** What the generators may draw on: known-good credentials and sessions. */
export interface FuzzWorld {
  userName: string;
  password: string;
  tenant: string;
  tenantPassword: string;
  tokens: string[];
  sessionIds: string[];
  /** Sessions (token, SessionId) the fuzzer may read and log out coherently. */
  doomed: [string, string][];
}

const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const alnum = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: max });

/** Passwords the suite invents, marked so a leak cannot be mistaken for ordinary text. */
export const inventedPassword = alnum(6, 14).map((text) => `Pw~${text}`);

/** Printable ASCII, the characters a header value or a request target may hold. */
const printable = (max: number) =>
  fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: max,
  });

const guid = fc.uuid().map((id) => id.toLowerCase());

function segment(world: FuzzWorld) {
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom("sessionMngr", "logonSessions", "backupServers", "jobs"),
    },
    { weight: 2, arbitrary: fc.constantFrom("querySvc", "catalog", "vms", "reports", "summary") },
    { weight: 3, arbitrary: fc.constantFrom("..", ".", "%2e%2e", "..%2f..", "%2f", "%5c", "%00") },
    { weight: 3, arbitrary: fc.constantFrom("%zz", "%c0%ae", "%ff", "%e0%a4%a", "%", "%u002e") },
    { weight: 3, arbitrary: world.sessionIds.length ? fc.constantFrom(...world.sessionIds) : guid },
    {
      weight: 2,
      arbitrary: fc.tuple(guid, fc.boolean()).map(([id, up]) => (up ? id.toUpperCase() : id)),
    },
    { weight: 2, arbitrary: alnum(0, 24) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }).map(percentEncode) },
    { weight: 1, arbitrary: printable(40).map((text) => text.replace(/[?#]/g, "")) },
  );
}

function percentEncode(bytes: Uint8Array): string {
  return [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
}

function target(world: FuzzWorld) {
  const path = fc
    .tuple(
      fc.constantFrom("/api/", "/api/", "/api/", "/api//", "/API/", "/", "/other/"),
      fc.array(segment(world), { maxLength: 4 }),
      fc.constantFrom("", "/", "//"),
    )
    .map(([head, segments, tail]) => `${head}${segments.join("/")}${tail}`);
  const query = fc.oneof(
    fc.constant(""),
    fc.constantFrom("?v=latest", "?v=v1_7", "?v=v1_2", "?V=LATEST", "?v=v9", "?v=", "?v=%zz"),
    fc.constantFrom("?format=Entity", "?action=create", "?v=latest&v=v1_1"),
    printable(30).map((text) => `?${text.replace(/#/g, "")}`),
  );
  return fc.oneof(
    { weight: 20, arbitrary: fc.tuple(path, query).map(([p, q]) => p + q) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("*", "http://127.0.0.1/api/", "/api/../../etc/passwd"),
    },
  );
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;

function authorization(world: FuzzWorld) {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(basic(world.userName, world.password)) },
    { weight: 3, arbitrary: fc.tuple(alnum(0, 12), inventedPassword).map(([u, p]) => basic(u, p)) },
    { weight: 1, arbitrary: inventedPassword.map((p) => basic(world.userName, p)) },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }).map((text) => `Basic ${text}`) },
    { weight: 1, arbitrary: fc.constantFrom("Basic", "Basic ", "Bearer abc", "basic Og==", "") },
    { weight: 1, arbitrary: printable(60) },
  );
}

function token(world: FuzzWorld) {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: world.tokens.length ? fc.constantFrom(...world.tokens) : fc.constant(""),
    },
    { weight: 2, arbitrary: guid.map((id) => Buffer.from(id).toString("base64")) },
    { weight: 1, arbitrary: fc.base64String({ maxLength: 64 }) },
    { weight: 1, arbitrary: printable(60) },
  );
}

const CONTENT_TYPES = [
  "application/xml",
  "application/json",
  "text/xml; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain",
  "application/octet-stream",
  "image/png",
  "application/json; charset=latin1",
];

function body(world: FuzzWorld) {
  const credentials = fc.oneof(
    fc.constant([world.tenant, world.tenantPassword] as const),
    fc.tuple(alnum(0, 12), inventedPassword),
  );
  const xmlSpec = credentials.map(
    ([u, p]) =>
      `<LoginSpec><TenantCredentials><Username>${u}</Username><Password>${p}</Password>` +
      "</TenantCredentials></LoginSpec>",
  );
  const jsonSpec = credentials.map(([u, p]) =>
    JSON.stringify({ TenantCredentials: { Username: u, Password: p } }),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: xmlSpec },
    { weight: 2, arbitrary: jsonSpec },
    { weight: 1, arbitrary: xmlSpec.map((xml) => `<!DOCTYPE LoginSpec [<!ENTITY e "x">]>${xml}`) },
    { weight: 1, arbitrary: jsonSpec.map((json) => json.slice(0, Math.floor(json.length / 2))) },
    {
      weight: 1,
      arbitrary: inventedPassword.map((p) => `{"TenantCredentials":{"Password":${p}}}`),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => "[".repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => "<a>".repeat(n)) },
    { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 15_000, max: 80_000 }).map((n) => `{${" ".repeat(n)}}`),
    },
  );
}

const METHODS = ["GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND"];

export function fuzzRequest(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom("GET", "POST", "POST", "DELETE") },
    { weight: 4, arbitrary: fc.constantFrom(...METHODS, "QUERY", "MKCOL", "SEARCH") },
    { weight: 1, arbitrary: alnum(1, 8).map((text) => text.toUpperCase()) },
  );
  const headers = fc.record(
    {
      accept: accept(),
      authorization: authorization(world),
      "x-restsvcsessionid": token(world),
      cookie: token(world).map((value) => `X-RestSvcSessionId=${value}`),
      "content-type": fc.constantFrom(...CONTENT_TYPES),
      "x-fuzz": printable(80),
    },
    { requiredKeys: [] },
  );
  const anything = fc.record({ method, target: target(world), headers, body: body(world) });
  const logon = fc.record({
    method: fc.constant("POST"),
    target: fc.constantFrom("/api/sessionMngr/?v=latest", "/api/sessionMngr", "/api//sessionMngr/"),
    headers,
    body: body(world),
  });
  return fc.oneof(
    { weight: 12, arbitrary: anything },
    { weight: 3, arbitrary: logon },
    { weight: 1, arbitrary: ownSession(world) },
  );
}

function accept() {
  return fc.constantFrom(
    "application/json",
    "application/xml",
    "*/*",
    "text/html",
    "application/xml;q=0.9, application/json;q=0.1",
    "APPLICATION/JSON",
  );
}

/** A client reading or logging out its own session, as the API means it to. */
function ownSession(world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...world.doomed), fc.constantFrom("GET", "DELETE"), fc.boolean())
    .chain(([[token, id], method, upper]) =>
      fc.record({
        method: fc.constant(method),
        target: fc.constant(`/api/logonSessions/${upper ? id.toUpperCase() : id}`),
        headers: fc.record({ accept: accept(), "x-restsvcsessionid": fc.constant(token) }),
        body: fc.constant(""),
      }),
    );
}
