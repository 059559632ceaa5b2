import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { FAULTS, type FaultName } from "../faults/catalogue.js";
import type { JsonCasing } from "../representation/json/json-casing.js";
import { xmlRepresentation } from "../representation/xml/xml-representation.js";
import { representationOf } from "./negotiate.js";

/**
 * Requests Node rejects before any handler runs (headers too large, unparseable, too slow)
 * still get the API's `Error` body. Their headers were not read, so the body is XML, the
 * API's default representation, and the connection is closed.
 */
export function handleClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  writeFault(socket, faultOf(error.code));
}

/** CONNECT asks for a tunnel, which Node hands over raw; emrest is no proxy. */
export function handleConnect(_request: IncomingMessage, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  writeFault(socket, "BadRequest", "emrest is not a proxy: CONNECT is refused.");
}

/**
 * An `Expect` other than `100-continue`: Node would answer 417 with an empty body. Its headers
 * were read, so the body is in the representation the request asked for.
 */
export function expectationHandler(casing: JsonCasing) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const representation = representationOf(request.headers.accept, casing);
    const { status, message } = FAULTS.ExpectationFailed;
    const body = representation.error({ message, statusCode: status });
    response.writeHead(status, {
      "content-type": representation.contentType,
      "content-length": Buffer.byteLength(body),
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "cache-control": "private",
      ...((response.socket as { encrypted?: boolean } | null)?.encrypted
        ? { "strict-transport-security": "max-age=31536000" }
        : {}),
    });
    response.end(body);
  };
}

function writeFault(socket: Duplex, fault: FaultName, message: string = FAULTS[fault].message) {
  const { status } = FAULTS[fault];
  const body = xmlRepresentation.error({ message, statusCode: status });
  const hsts = (socket as { encrypted?: boolean }).encrypted
    ? "Strict-Transport-Security: max-age=31536000\r\n"
    : "";
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `Content-Type: ${xmlRepresentation.contentType}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "X-Content-Type-Options: nosniff\r\n" +
      "X-Frame-Options: DENY\r\n" +
      "Cache-Control: private\r\n" +
      hsts +
      "Connection: close\r\n\r\n" +
      body,
  );
}

function faultOf(code: string | undefined): FaultName {
  if (code === "HPE_HEADER_OVERFLOW") return "HeadersTooLarge";
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return "RequestTimeout";
  return "BadRequest";
}
