import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { FAULTS, type FaultName } from "../faults/catalogue.js";
import { xmlRepresentation } from "../representation/xml/xml-representation.js";

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

  const fault = faultOf(error.code);
  const { status, message } = FAULTS[fault];
  const body = xmlRepresentation.error({ message, statusCode: status });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `Content-Type: ${xmlRepresentation.contentType}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      "Connection: close\r\n\r\n" +
      body,
  );
}

function faultOf(code: string | undefined): FaultName {
  if (code === "HPE_HEADER_OVERFLOW") return "HeadersTooLarge";
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return "RequestTimeout";
  return "BadRequest";
}
