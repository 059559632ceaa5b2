import { request, type IncomingHttpHeaders } from "node:http";
import { basic } from "../helpers/client.js";
import { parseXml } from "../helpers/xml.js";
import { ADMIN } from "./emrest-node.js";

/** What one request came to: a reply, no connection at all, or no reply by the deadline. */
export type Outcome =
  | { kind: "reply"; status: number; body: string; headers: IncomingHttpHeaders; ms: number }
  | { kind: "no-connection"; code: string; ms: number }
  | { kind: "timeout"; ms: number };

/** A client holds the token; the id is what it names in a DELETE. */
export interface Session {
  token: string;
  id: string;
}

/** Longer than any store time-out (PostgreSQL: 2 s to connect, 5 s a query), far below 30 s. */
export const DEADLINE_MS = 10_000;

/** One request on a fresh connection, given up after `deadlineMs`. */
export function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; deadlineMs?: number } = {},
): Promise<Outcome> {
  const started = Date.now();
  const ms = () => Date.now() - started;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const method = options.method ?? "GET";
    const req = request(url, { method, headers: options.headers, agent: false });
    const timer = setTimeout(() => {
      settle({ kind: "timeout", ms: ms() });
      req.destroy();
    }, options.deadlineMs ?? DEADLINE_MS);

    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        settle({ kind: "reply", status: res.statusCode!, body, headers: res.headers, ms: ms() });
      });
      // A server killed in the middle of a reply.
      res.on("close", () => settle({ kind: "no-connection", code: "cut mid-reply", ms: ms() }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      settle({ kind: "no-connection", code: error.code ?? error.message, ms: ms() });
    });
    req.end();
  });
}

/** POST /api/sessionMngr as the administrator; the session when the reply is a 201. */
export async function logon(node: string): Promise<{ outcome: Outcome; session?: Session }> {
  const outcome = await call(`${node}sessionMngr/?v=latest`, {
    method: "POST",
    headers: { authorization: basic(ADMIN.userName, ADMIN.password) },
  });
  if (outcome.kind !== "reply" || outcome.status !== 201) return { outcome };

  const token = String(outcome.headers["x-restsvcsessionid"]);
  const id = String(parseXml(outcome.body).LogonSession.SessionId);
  return { outcome, session: { token, id } };
}

/** GET /api/logonSessions with the session's token, in JSON. */
export function readCurrent(node: string, session: Session): Promise<Outcome> {
  return call(`${node}logonSessions`, {
    headers: { "x-restsvcsessionid": session.token, accept: "application/json" },
  });
}

/** DELETE /api/logonSessions/{ID}: the logout. */
export function logout(node: string, session: Session): Promise<Outcome> {
  return call(`${node}logonSessions/${session.id}`, {
    method: "DELETE",
    headers: { "x-restsvcsessionid": session.token },
  });
}

/** The status of a reply, or what came instead, for assertion messages. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind === "reply") return `${outcome.status} after ${outcome.ms} ms`;
  if (outcome.kind === "no-connection") return `no connection (${outcome.code})`;
  return `no reply in ${outcome.ms} ms`;
}

/** The status of a reply, or what came instead (a string), for assertions. */
export function statusOf(outcome: Outcome): number | string {
  return outcome.kind === "reply" ? outcome.status : describeOutcome(outcome);
}

/** True when a reply is EM's `Error` body with this status, in XML or JSON. */
export function isErrorBody(outcome: Outcome, status: number): boolean {
  if (outcome.kind !== "reply" || outcome.status !== status) return false;
  try {
    if (String(outcome.headers["content-type"]).startsWith("application/json")) {
      return JSON.parse(outcome.body).StatusCode === status;
    }
    return parseXml(outcome.body).Error?.["@StatusCode"] === String(status);
  } catch {
    return false;
  }
}

/** True when a 200 from GET /api/logonSessions names this very session. */
export function namesSession(outcome: Outcome, session: Session): boolean {
  if (outcome.kind !== "reply" || outcome.status !== 200) return false;
  return JSON.parse(outcome.body).LogonSessions?.[0]?.SessionId === session.id;
}
