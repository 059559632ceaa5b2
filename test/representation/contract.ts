/**
 * What every representation promises, whatever its syntax: each model method writes a body
 * that parses back to the same model, in valid UTF-8 without a byte-order mark, with hostile
 * text escaped rather than breaking the document. `xml.test.ts` and `json.test.ts` run it
 * with a reader for their own syntax.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type {
  EntryPointModel,
  ErrorModel,
  Link,
  LogonSessionModel,
  Representation,
} from "../../src/representation/representation.js";

/** Parses a body back into models; throws if the body is not well-formed. */
export interface ReadBack {
  entryPoint(body: string): EntryPointModel;
  logonSession(body: string): LogonSessionModel;
  logonSessions(body: string): LogonSessionModel[];
  error(body: string): ErrorModel;
}

export interface ContractOptions {
  read: ReadBack;
  /** The text a reader gets back for `text` (XML drops the characters XML 1.0 forbids). */
  carried: (text: string) => string;
}

const BASE = "https://em.example.com:9398/api/";
const ID = "b9a759dd-4496-4f50-8fc0-f925aa283f8d";

const HOSTILE = `a&b<c>"d'e`;
const CONTROLS = "x\u0000\u0001\u0008\u000B\u000C\u001F\t\n\ry";
const EMOJI = "Ünïcødé 🦀 名前";
const LONE_SURROGATES = "left\uD800 right\uDC00 pair\uD83D\uDE00";

// Characters that must never appear raw in a body: C0 controls other than tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF. JSON escapes them, XML cannot carry them.
const RAW_FORBIDDEN = new RegExp(
  "[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]" +
    "|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]",
);

function links(): Link[] {
  return [
    { rel: "Up", href: BASE, name: null, type: "EnterpriseManager" },
    { rel: "Down", href: `${BASE}reports/summary`, name: "Summary", type: "Report" },
    { rel: "Create", href: `${BASE}backupServers?action=create`, name: null, type: null },
    {
      rel: "Down",
      href: `${BASE}query?type=Job&format=Entities`,
      name: null,
      type: "QueryService",
    },
  ];
}

function session(overrides: Partial<LogonSessionModel> = {}): LogonSessionModel {
  return {
    href: `${BASE}logonSessions/${ID}`,
    links: links(),
    userName: "SRV12\\Administrator",
    sessionId: ID,
    ...overrides,
  };
}

function entryPoint(): EntryPointModel {
  const create = (v: string): Link => ({
    rel: "Create",
    href: `${BASE}sessionMngr/?v=${v}`,
    name: null,
    type: "LogonSession",
  });
  return {
    links: [
      { rel: "Down", href: `${BASE}logonSessions`, name: null, type: "LogonSessionList" },
      create("latest"),
    ],
    supportedVersions: ["v1_5", "v1_6", "v1_7"].map((name) => ({ name, links: [create(name)] })),
  };
}

function assertSafeBody(body: string): void {
  assert.doesNotMatch(body, RAW_FORBIDDEN, "a body carries a character it may not carry raw");
  assert.notEqual(body.charCodeAt(0), 0xfeff, "a body starts with a byte-order mark");
  const bytes = Buffer.from(body, "utf8");
  assert.equal(new TextDecoder("utf-8", { fatal: true }).decode(bytes), body);
}

export function representationContract(name: string, rep: Representation, opts: ContractOptions) {
  const { read, carried } = opts;

  function roundTripsSession(model: LogonSessionModel): void {
    const body = rep.logonSession(model);
    assertSafeBody(body);
    assert.deepEqual(read.logonSession(body), model);
  }

  describe(`${name} representation contract`, () => {
    it("names a UTF-8 content type", () => {
      assert.match(rep.contentType, /^application\/(xml|json); charset=utf-8$/);
    });

    it("writes the entry point so it reads back unchanged", () => {
      const body = rep.entryPoint(entryPoint());
      assertSafeBody(body);
      assert.deepEqual(read.entryPoint(body), entryPoint());
    });

    it("writes a logon session so it reads back unchanged, nulls included", () => {
      roundTripsSession(session());
    });

    it("writes a list of logon sessions in order, and an empty list", () => {
      const models = [session(), session({ sessionId: "other", userName: "bob@example.com" })];
      assert.deepEqual(read.logonSessions(rep.logonSessions(models)), models);
      assert.deepEqual(read.logonSessions(rep.logonSessions([])), []);
    });

    it("writes an error with its message and status code", () => {
      const model = { message: "The logon session has expired.", statusCode: 401 };
      const body = rep.error(model);
      assertSafeBody(body);
      assert.deepEqual(read.error(body), model);
    });

    it("escapes markup and quotes in text, attributes and links", () => {
      const hostileLinks = links().map((l) => ({
        ...l,
        name: HOSTILE,
        href: `${l.href}&${HOSTILE}`,
      }));
      roundTripsSession(
        session({ userName: HOSTILE, sessionId: HOSTILE, href: HOSTILE, links: hostileLinks }),
      );

      const error = { message: HOSTILE, statusCode: 400 };
      assert.deepEqual(read.error(rep.error(error)), error);
    });

    it("carries emoji and other non-ASCII text unchanged", () => {
      roundTripsSession(session({ userName: EMOJI }));
    });

    it("never writes control characters or lone surrogates raw", () => {
      for (const text of [CONTROLS, LONE_SURROGATES]) {
        const model = session({ userName: text, links: [{ ...links()[0], name: text }] });
        const body = rep.logonSession(model);
        assertSafeBody(body);

        const back = read.logonSession(body);
        assert.equal(back.userName, carried(text));
        assert.equal(back.links[0].name, carried(text));

        const error = rep.error({ message: text, statusCode: 500 });
        assertSafeBody(error);
        assert.equal(read.error(error).message, carried(text));
      }
    });

    it("keeps every link, in order, when there are many", () => {
      const many = Array.from({ length: 70 }, (_, i): Link => ({
        rel: "Down",
        href: `${BASE}r${i}`,
        name: i % 2 ? `n${i}` : null,
        type: null,
      }));
      roundTripsSession(session({ links: many }));
    });
  });
}
