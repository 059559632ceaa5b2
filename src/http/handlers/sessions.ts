import type { FastifyReply, FastifyRequest } from "fastify";
import { Fault } from "../../faults/fault.js";
import { parseLoginSpec } from "../../representation/login-spec.js";
import type { LogonSessionModel } from "../../representation/representation.js";
import type { ActiveSession } from "../../sessions/session.js";
import { API_VERSIONS, logonSessionLinks, resolveVersion } from "../../sessions/link-sets.js";
import { cameOverTls } from "../api-base.js";
import type { HttpContext } from "../context.js";
import { sendRepresented, queryParam } from "../reply.js";
import { basicCredentialsOf, TOKEN_NAME, tokenOf } from "../request-credentials.js";

/**
 * `POST /api/sessionMngr/?v=…`: the logon. A missing `v` means latest; an unknown one gets
 * 400 naming the versions we serve. A valid token or cookie beside the Basic header answers
 * with that session and never opens a second one (spec section 12, behaviour 4).
 */
export async function logon(request: FastifyRequest, reply: FastifyReply, context: HttpContext) {
  const asked = queryParam(request, "v");
  const version = resolveVersion(asked);
  if (version === undefined) {
    const known = [...API_VERSIONS, "latest"].join(", ");
    const shown = asked!.length > 20 ? `${asked!.slice(0, 20)}…` : asked;
    throw new Fault(
      "UnsupportedVersion",
      `The API version "${shown}" is not supported. Use one of: ${known}.`,
    );
  }

  const spec = parseLoginSpec(request.body as Buffer | undefined, request.headers["content-type"]);
  if (spec?.kind === "vcloud") {
    throw new Fault(
      "NotImplemented",
      "Logon with VCloudOrganizationCredentials is not implemented by emrest yet.",
    );
  }

  const session =
    (await currentSession(request, context)) ??
    (await context.service.logon({
      version,
      basic: spec ? undefined : basicCredentialsOf(request),
      tenant: spec ? { name: spec.username, password: spec.password } : undefined,
      address: request.ip,
    }));

  const model = toModel(context.apiBase(request), session);
  reply
    .header(TOKEN_NAME, session.token)
    .header("location", model.href)
    .setCookie(TOKEN_NAME, session.token, {
      path: "/api",
      httpOnly: true,
      secure: cameOverTls(request),
      encode: (v) => v,
    });
  return sendRepresented(request, reply, 201, (representation) =>
    representation.logonSession(model),
  );
}

/** `GET /api/logonSessions`: the caller's sessions, its current one first. */
export async function listLogonSessions(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const apiBase = context.apiBase(request);
  const models = context.service.list(request.session!).map((session) => toModel(apiBase, session));
  return sendRepresented(request, reply, 200, (representation) =>
    representation.logonSessions(models),
  );
}

/** `GET /api/logonSessions/{ID}`. */
export async function getLogonSession(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  const session = await context.service.read(request.session!, idOf(request));
  const model = toModel(context.apiBase(request), session);
  return sendRepresented(request, reply, 200, (representation) =>
    representation.logonSession(model),
  );
}

/** `DELETE /api/logonSessions/{ID}`: the logout, 204 with no body. */
export async function deleteLogonSession(
  request: FastifyRequest,
  reply: FastifyReply,
  context: HttpContext,
) {
  await context.service.logout(request.session!, idOf(request), request.ip);
  return reply.code(204).send();
}

/** The caller's live session, or undefined when the request carries no valid token. */
export async function currentSession(request: FastifyRequest, context: HttpContext) {
  const token = tokenOf(request);
  if (token === undefined) return undefined;
  try {
    return await context.service.authenticate(token);
  } catch (error) {
    if (error instanceof Fault && error.fault === "SessionNotFound") return undefined;
    throw error;
  }
}

function toModel(apiBase: string, session: ActiveSession): LogonSessionModel {
  const { record, sessionId } = session;
  return {
    href: `${apiBase}logonSessions/${sessionId}`,
    links: logonSessionLinks({
      apiBase,
      version: record.version,
      role: record.role,
      kind: record.kind,
      sessionId,
    }),
    userName: record.userName,
    sessionId,
  };
}

function idOf(request: FastifyRequest): string {
  return (request.params as { id?: string }).id ?? "";
}
