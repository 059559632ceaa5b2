/**
 * Every fault emrest raises, with its HTTP status and default message. Domain code raises a
 * fault by name (`new Fault("SessionNotFound")`); only `src/http/fault-response.ts` turns one
 * into a status and an `Error` body. `docs/faults.md` is kept in step by a test.
 *
 * The statuses are the vendor's (http_response_codes); the vendor documents no message texts
 * for them, so ours say plainly what went wrong.
 */
export const FAULTS = {
  Unauthorized: { status: 401, message: "Authentication failed. Log on again." },
  LogonFailed: { status: 401, message: "Logon failed: the user name or password is incorrect." },
  SessionNotFound: {
    status: 401,
    message: "The logon session has expired or does not exist. Log on again.",
  },
  AccessDenied: { status: 403, message: "Access denied." },
  NotFound: { status: 404, message: "The requested resource does not exist." },
  LogonSessionNotFound: { status: 404, message: "There is no logon session with this ID." },
  MethodNotAllowed: { status: 405, message: "The method is not allowed for this resource." },
  UnsupportedVersion: { status: 400, message: "The requested API version is not supported." },
  MalformedBody: { status: 400, message: "The request body could not be read." },
  BadRequest: { status: 400, message: "The request is not valid." },
  InvalidQuery: { status: 400, message: "The query's parameters are not valid." },
  BodyTooLarge: { status: 413, message: "The request body is too large." },
  HeadersTooLarge: { status: 431, message: "The request headers are too large." },
  ExpectationFailed: {
    status: 417,
    message: "The Expect header asks for something emrest does not do.",
  },
  RequestTimeout: { status: 408, message: "The request took too long to arrive." },
  InternalError: {
    status: 500,
    message: "An internal error occurred. The server log has the details.",
  },
  NotImplemented: { status: 501, message: "This operation is not implemented by emrest yet." },
  StoreUnavailable: {
    status: 503,
    message: "The store (sessions, accounts and the inventory) is unavailable. Try again shortly.",
  },
  Overloaded: { status: 503, message: "The server is busy. Try again shortly." },
} as const satisfies Record<string, { status: number; message: string }>;

export type FaultName = keyof typeof FAULTS;
