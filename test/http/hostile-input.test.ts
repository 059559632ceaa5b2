import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { basic, send } from "../helpers/client.js";
import { formatRequest, sendRaw, type RawReply } from "../helpers/raw-http.js";
import { startTestServer, type TestServer } from "../helpers/start-server.js";
import { parseXml } from "../helpers/xml.js";

/** Requests no client should send; each gets a 4xx with an Error body, never a crash. */
describe("hostile input", () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    await server.addAccount("SRV12\\admin", "pw");
    token = (await server.logon("admin", "pw")).token;
  });
  after(() => server.close());

  const raw = (bytes: string | Buffer) => sendRaw(server.http, bytes);
  const logonWith = (headers: Record<string, string>, body: string | Buffer) =>
    raw(formatRequest("POST", "/api/sessionMngr/?v=latest", headers, body));

  function assertError(reply: RawReply, status: number, message?: RegExp) {
    assert.equal(reply.status, status, reply.text.slice(0, 300));
    const error = parseXml(reply.body).Error;
    assert.equal(error["@StatusCode"], String(status));
    if (message) assert.match(error["@Message"], message);
    assert.equal(reply.headers["x-content-type-options"], "nosniff");
  }

  async function assertStillServing() {
    assert.equal((await send(`${server.http}/api/`)).status, 200);
  }

  describe("paths", () => {
    for (const [path, status] of [
      ["/api/%2e%2e/", 404],
      ["/api/%2e%2e/%2e%2e/etc/passwd", 404],
      ["/api/..%2f..%2fetc/passwd", 404],
      ["/api/../../etc/passwd", 404],
      ["/api/%00", 404],
      ["/api/%c0%ae%c0%ae/etc/passwd", 400],
      ["/api/%zz", 400],
      ["/api/%ff%fe", 400],
      ["/api/logonSessions/%E0%A4%A", 400],
      [`/api/logonSessions/${"a".repeat(150)}`, 404],
    ] as const) {
      test(`${path.slice(0, 40)} gets ${status} with an Error body`, async () => {
        const reply = await raw(formatRequest("GET", path, { "X-RestSvcSessionId": token }));
        assertError(reply, status);
        assert.ok(!reply.body.includes("root:"));
      });
    }

    test("a bad encoding answers JSON when asked, and is logged like any request", async () => {
      const reply = await raw(
        formatRequest("GET", "/api/%zzsecret", { Accept: "application/json" }),
      );
      assert.equal(reply.status, 400);
      assert.deepEqual(JSON.parse(reply.body).StatusCode, 400);
      const line = server.logs.find((entry) => String(entry.path).startsWith("/api/%zzsecret"));
      assert.ok(line, "no request-log line");
      assert.equal(line.status, 400);
      assert.equal(line.method, "GET");
    });

    test("a traversal inside a session id is no session id", async () => {
      const id = "..%2f..%2f00000000-0000-0000-0000-000000000000";
      const reply = await raw(
        formatRequest("GET", `/api/logonSessions/${id}`, { "X-RestSvcSessionId": token }),
      );
      assertError(reply, 404);
    });
  });

  describe("methods", () => {
    for (const method of ["PROPFIND", "MKCOL", "TRACE", "SEARCH", "LOCK"]) {
      test(`${method} on a resource gets 405 naming the methods it allows`, async () => {
        const reply = await raw(formatRequest(method, "/api/"));
        assertError(reply, 405, new RegExp(`${method} is not allowed`));
        assert.equal(reply.headers.allow, "GET, HEAD");
      });
    }

    test("a method Node does not parse, and CONNECT, get 400 and the server goes on", async () => {
      assertError(await raw(formatRequest("BREW", "/api/")), 400);
      assertError(
        await raw("CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: x\r\n\r\n"),
        400,
        /not a proxy/,
      );
      await assertStillServing();
    });

    test("QUERY without a content type gets a plain 400", async () => {
      assertError(await raw(formatRequest("QUERY", "/api/")), 400, /request is not valid/);
    });
  });

  describe("framing", () => {
    test("an HTTP/1.1 request without Host gets 400 with an Error body", async () => {
      assertError(await raw("GET /api/ HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, /Host/);
    });

    for (const [label, bytes] of [
      [
        "two Content-Lengths",
        "POST /api/sessionMngr HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
      ],
      [
        "Content-Length beside chunked",
        "POST /api/sessionMngr HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      ],
      [
        "a broken chunk",
        "POST /api/sessionMngr HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      ],
      ["an HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"],
    ] as const) {
      test(`${label} gets 400`, async () => {
        assertError(await raw(bytes), 400);
      });
    }

    test("a path past the header limit gets 431", async () => {
      assertError(await raw(formatRequest("GET", `/api/${"a".repeat(20_000)}`)), 431);
    });

    test("a chunked body past the limit gets 413 without a Content-Length", async () => {
      const chunk = "x".repeat(8192);
      const chunks = Array.from({ length: 12 }, () => `2000\r\n${chunk}\r\n`).join("");
      const head = "POST /api/sessionMngr HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
      assertError(await raw(`${head}Transfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`), 413);
      await assertStillServing();
    });
  });

  describe("XML bodies", () => {
    let listener: Server;
    let fetched = 0;
    let url: string;
    before(async () => {
      listener = createServer((_request, response) => {
        fetched++;
        response.end("<!ENTITY x 'pwned'>");
      });
      await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
      url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/evil.dtd`;
    });
    after(() => new Promise<void>((resolve) => listener.close(() => resolve())));

    const spec = (user: string) =>
      `<LoginSpec><TenantCredentials><Username>${user}</Username><Password>p</Password>` +
      "</TenantCredentials></LoginSpec>";

    test("external entities, general or parameter, are refused and never fetched", async () => {
      const bodies = [
        `<!DOCTYPE LoginSpec [<!ENTITY e SYSTEM "${url}">]>${spec("&e;")}`,
        `<!DOCTYPE LoginSpec [<!ENTITY % p SYSTEM "${url}"> %p;]>${spec("&x;")}`,
        `<!DOCTYPE LoginSpec SYSTEM "${url}">${spec("t")}`,
        `<?xml version="1.0"?>\n<!doctype LoginSpec PUBLIC "-//x" "${url}">${spec("t")}`,
      ];
      for (const body of bodies) {
        assertError(
          await logonWith({ "Content-Type": "application/xml" }, body),
          400,
          /document type/,
        );
      }
      assert.equal(fetched, 0);
    });

    test("entity expansion (a billion laughs) is refused at once", async () => {
      const laughs = Array.from({ length: 9 }, (_, i) =>
        i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
      ).join("");
      const start = Date.now();
      const reply = await logonWith({}, `<!DOCTYPE LoginSpec [${laughs}]>${spec("&l8;")}`);
      assertError(reply, 400);
      assert.ok(Date.now() - start < 1000);
      assert.ok(!reply.body.includes("lollol"));
    });

    test("deep nesting gets 400, a body past the LoginSpec limit 413", async () => {
      assertError(await logonWith({}, `${"<a>".repeat(2000)}${"</a>".repeat(2000)}`), 400);
      assertError(await logonWith({}, `<LoginSpec>${" ".repeat(20_000)}</LoginSpec>`), 413);
    });
  });

  describe("JSON bodies", () => {
    test("deep nesting gets 400", async () => {
      const deep = `{"LoginSpec":${"[".repeat(7000)}${"]".repeat(7000)}}`;
      assertError(await logonWith({ "Content-Type": "application/json" }, deep), 400);
      const objects = `${'{"a":'.repeat(2500)}1${"}".repeat(2500)}`;
      assertError(await logonWith({ "Content-Type": "application/json" }, objects), 400);
      await assertStillServing();
    });

    test("a body past the LoginSpec limit gets 413, past the body limit too", async () => {
      const big = (n: number) =>
        JSON.stringify({ TenantCredentials: { Username: "x".repeat(n), Password: "p" } });
      assertError(await logonWith({ "Content-Type": "application/json" }, big(20_000)), 413);
      assertError(await logonWith({ "Content-Type": "application/json" }, big(100_000)), 413);
    });

    test("the error for a malformed body never quotes it, so a password cannot leak", async () => {
      const bodies = [
        '{"TenantCredentials":{"Username":"t","Password":hunter2secret}}',
        '{"TenantCredentials":{"Username":"t","Password":"hunter2secret"},}',
        "<LoginSpec><TenantCredentials><Username>t</Username><Password>hunter2<secret</Password>",
        "<LoginSpec><TenantCredentials><Password>hunter2&secret;</Password></TenantCredentials></LoginSpec>",
      ];
      for (const body of bodies) {
        const reply = await logonWith(
          { "Content-Type": "application/json", Accept: "application/json" },
          body,
        );
        assert.equal(reply.status, 400, body);
        assert.ok(!/hunter2|secret/.test(reply.body), reply.body);
      }
      assert.ok(!/hunter2/.test(JSON.stringify(server.logs)));
    });
  });

  describe("content types", () => {
    for (const [type, body] of [
      ["application/x-www-form-urlencoded", "username=admin&password=pw"],
      [
        "multipart/form-data; boundary=x",
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
      ],
      ["image/png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe])],
      ["text/plain", "admin:pw"],
    ] as const) {
      test(`a ${type.split(";")[0]} body on a logon gets 400, not a session`, async () => {
        const reply = await logonWith(
          { "Content-Type": type, Authorization: basic("admin", "pw") },
          body,
        );
        assertError(reply, 400);
        assert.equal(reply.headers["x-restsvcsessionid"], undefined);
      });
    }

    test("an Upgrade request is served as plain HTTP", async () => {
      const reply = await raw(formatRequest("GET", "/api/", { Upgrade: "websocket" }));
      assert.equal(reply.status, 200);
    });
  });
});
