import type {
  EntryPointModel,
  ErrorModel,
  Link,
  LogonSessionModel,
  Representation,
} from "../representation.js";

// Member order and nulls follow the replies captured from EM 12 (test/fixtures/): derived
// type members first, then the base type's, every member present, null where absent.
// Output is compact and has no byte-order mark; JSON.stringify escapes lone surrogates,
// so the UTF-8 on the wire is always valid.

function link(value: Link) {
  return { Rel: value.rel, Href: value.href, Name: value.name, Type: value.type };
}

function entryPoint(model: EntryPointModel) {
  const versions = model.supportedVersions.map((version) => ({
    Links: version.links.map(link),
    Name: version.name,
  }));
  return {
    SupportedVersions: { SupportedVersions: versions },
    Links: model.links.map(link),
    Href: null,
    Type: null,
  };
}

function logonSession(model: LogonSessionModel) {
  return {
    UserName: model.userName,
    SessionId: model.sessionId,
    Links: model.links.map(link),
    Href: model.href,
    Type: "LogonSession",
  };
}

// The captured Error lists its members alphabetically and keeps the unused ones as null.
function error(model: ErrorModel) {
  return {
    FirstChanceExceptionMessage: null,
    Message: model.message,
    StackTrace: null,
    Status: null,
    StatusCode: model.statusCode,
  };
}

/** JSON bodies in the PascalCase shape EM 12 sends and clients parse. */
export const jsonRepresentation: Representation = {
  contentType: "application/json; charset=utf-8",
  entryPoint: (model) => JSON.stringify(entryPoint(model)),
  logonSession: (model) => JSON.stringify(logonSession(model)),
  logonSessions: (models) => JSON.stringify({ LogonSessions: models.map(logonSession) }),
  error: (model) => JSON.stringify(error(model)),
};
