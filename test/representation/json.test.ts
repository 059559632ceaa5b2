import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { Link, LogonSessionModel } from "../../src/representation/representation.js";
import { jsonRepresentation as json } from "../../src/representation/json/json-representation.js";
import { entryPointModel, logonSessionLinks } from "../../src/sessions/link-sets.js";
import { representationContract, type ReadBack } from "./contract.js";

type Json = Record<string, unknown>;

function readLinks(value: unknown): Link[] {
  return (value as Json[]).map((l) => ({
    rel: l.Rel as string,
    href: l.Href as string,
    name: l.Name as string | null,
    type: l.Type as string | null,
  }));
}

function readSession(value: Json): LogonSessionModel {
  assert.equal(value.Type, "LogonSession");
  return {
    href: value.Href as string,
    links: readLinks(value.Links),
    userName: value.UserName as string,
    sessionId: value.SessionId as string,
  };
}

const read: ReadBack = {
  entryPoint(body) {
    const root = JSON.parse(body) as Json;
    const versions = (root.SupportedVersions as Json).SupportedVersions as Json[];
    return {
      links: readLinks(root.Links),
      supportedVersions: versions.map((v) => ({
        name: v.Name as string,
        links: readLinks(v.Links),
      })),
    };
  },
  logonSession: (body) => readSession(JSON.parse(body) as Json),
  logonSessions: (body) => ((JSON.parse(body) as Json).LogonSessions as Json[]).map(readSession),
  error(body) {
    const root = JSON.parse(body) as Json;
    return { message: root.Message as string, statusCode: root.StatusCode as number };
  },
};

representationContract("JSON", json, { read, carried: (text) => text });

/** The fixture as EM sent it, re-serialised compactly: key order and nulls are kept. */
function captured(name: string): string {
  return JSON.stringify(JSON.parse(readFileSync(`test/fixtures/${name}`, "utf8")));
}

const BASE = "https://em.example.com:9398/api/";

describe("JSON representation", () => {
  it("writes the entry point exactly as EM 12 did (veeam_api_v12.json)", () => {
    assert.equal(json.entryPoint(entryPointModel(BASE)), captured("veeam_api_v12.json"));
  });

  it("writes an administrator's v1_7 session exactly as EM 12 did (veeam_login_v12)", () => {
    const sessionId = "b9a759dd-4496-4f50-8fc0-f925aa283f8d";
    const links = logonSessionLinks({
      apiBase: BASE,
      version: "v1_7",
      role: "PortalAdministrator",
      kind: "account",
      sessionId,
    });
    const body = json.logonSession({
      href: `${BASE}logonSessions/${sessionId}`,
      links,
      userName: "emuser",
      sessionId,
    });

    assert.equal(body, captured("veeam_login_v12.json"));
  });

  it("wraps a list in LogonSessions, the caller's session first as given", () => {
    const a = { href: `${BASE}logonSessions/a`, links: [], userName: "A", sessionId: "a" };
    const b = { ...a, userName: "B", sessionId: "b" };
    const body = JSON.parse(json.logonSessions([a, b])) as { LogonSessions: Json[] };

    assert.deepEqual(Object.keys(body), ["LogonSessions"]);
    assert.deepEqual(
      body.LogonSessions.map((s) => s.SessionId),
      ["a", "b"],
    );
    assert.deepEqual(Object.keys(body.LogonSessions[0]), [
      "UserName",
      "SessionId",
      "Links",
      "Href",
      "Type",
    ]);
  });

  it("writes an error with the captured members, order and nulls", () => {
    assert.equal(
      json.error({ message: "Node [root] does not exist.", statusCode: 400 }),
      '{"FirstChanceExceptionMessage":null,"Message":"Node [root] does not exist.",' +
        '"StackTrace":null,"Status":null,"StatusCode":400}',
    );
  });

  it("writes compact JSON with no byte-order mark and no pretty-printing", () => {
    const body = json.entryPoint(entryPointModel(BASE));
    assert.equal(body[0], "{");
    assert.doesNotMatch(body, /\n/);
  });
});
