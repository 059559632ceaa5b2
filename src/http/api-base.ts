import type { FastifyRequest } from "fastify";

/** Host header values we are willing to echo into Hrefs: a name or an address, a port. */
const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** Whether the request came in over TLS: on the HTTPS listener rather than the HTTP one. */
export function cameOverTls(request: FastifyRequest): boolean {
  return (request.raw.socket as { encrypted?: boolean }).encrypted === true;
}

/**
 * The absolute `…/api/` every Href starts with: the configured public URL, or the scheme,
 * host and port the request came in on, so clients that follow Hrefs reach the same server.
 */
export function apiBaseOf(request: FastifyRequest, publicUrl: string | null): string {
  if (publicUrl !== null) return `${publicUrl}/api/`;

  const scheme = cameOverTls(request) ? "https" : "http";
  const host = request.headers.host;
  if (host !== undefined && HOST.test(host) && portOf(host) <= 65535)
    return `${scheme}://${host}/api/`;

  const address = request.raw.socket.localAddress ?? "127.0.0.1";
  const shown = address.includes(":") ? `[${address}]` : address;
  return `${scheme}://${shown}:${request.raw.socket.localPort}/api/`;
}

function portOf(host: string): number {
  const match = /:(\d+)$/.exec(host);
  return match ? Number(match[1]) : 0;
}
