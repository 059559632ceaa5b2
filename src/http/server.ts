import { createServer as createHttpServer, type Server, type ServerOptions } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { ServeConfig } from "../config.js";
import { AuditLog } from "../sessions/audit.js";
import { loadAuditSalt } from "../sessions/audit-salt.js";
import { warmUpCredentials } from "../sessions/credentials.js";
import { startExpirySweeper } from "../sessions/expiry.js";
import { SessionService } from "../sessions/session-service.js";
import type { Store } from "../store/store.js";
import { apiBaseOf } from "./api-base.js";
import { createApp } from "./app.js";
import { handleClientError } from "./client-error.js";
import { loadTlsPair } from "./tls.js";

/** Slow or stuck clients are cut off rather than holding sockets (Node's own limits). */
const SERVER_OPTIONS: ServerOptions = {
  maxHeaderSize: 16 * 1024,
  requestTimeout: 30_000,
  headersTimeout: 10_000,
  keepAliveTimeout: 5_000,
};

/** How long a shutdown waits for requests in flight before cutting their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

export interface RunningServer {
  /** One `…/api/` URL per listener, HTTPS first. */
  urls: string[];
  service: SessionService;
  close(): Promise<void>;
}

/** Serves the API on each enabled port over one app, and the expiry sweeper beside it. */
export async function startServer(
  config: ServeConfig,
  deps: { store: Store; logger: Logger },
): Promise<RunningServer> {
  const audit = new AuditLog(deps.logger, await loadAuditSalt(config.dataDir));
  const service = new SessionService({
    store: deps.store,
    idleTimeoutMs: config.idleTimeoutMs,
    absoluteLifetimeMs: config.absoluteLifetimeMs,
    localDomain: config.domain,
    throttle: config.throttle,
    audit,
  });

  let handler: Parameters<typeof createHttpServer>[1];
  const app = await createApp({
    context: { service, apiBase: (request) => apiBaseOf(request, config.publicUrl) },
    logger: deps.logger,
    serverFactory: (h) => {
      handler = h;
      return createHttpServer(SERVER_OPTIONS, h);
    },
  });
  await app.ready();
  await warmUpCredentials();

  const listeners: { scheme: string; server: Server; port: number }[] = [];
  if (config.httpsPort !== null) {
    const tls = await loadTlsPair({ dataDir: config.dataDir, certFile: config.tlsCert, keyFile: config.tlsKey });
    const server = createHttpsServer({ ...SERVER_OPTIONS, ...tls, minVersion: "TLSv1.2" }, handler!);
    listeners.push({ scheme: "https", server, port: config.httpsPort });
  }
  if (config.httpPort !== null) listeners.push({ scheme: "http", server: app.server, port: config.httpPort });

  const urls: string[] = [];
  for (const listener of listeners) {
    applyTimeouts(listener.server);
    if (listener.server !== app.server) listener.server.on("clientError", handleClientError);
    await listen(listener.server, listener.port, config.listen);
    const { port } = listener.server.address() as AddressInfo;
    urls.push(`${listener.scheme}://${hostForUrl(config.listen)}:${port}/api/`);
  }

  const sweepEvery = Math.max(1_000, Math.min(60_000, Math.floor(config.idleTimeoutMs / 4)));
  const stopSweeper = startExpirySweeper(deps.store, sweepEvery, deps.logger, audit);

  const close = async () => {
    await stopSweeper();
    await Promise.all(listeners.map((listener) => shutDown(listener.server)));
    await app.close();
  };
  return { urls, service, close };
}

function applyTimeouts(server: Server): void {
  server.requestTimeout = SERVER_OPTIONS.requestTimeout!;
  server.headersTimeout = SERVER_OPTIONS.headersTimeout!;
  server.keepAliveTimeout = SERVER_OPTIONS.keepAliveTimeout!;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host }, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Stops accepting, lets requests in flight finish within the grace period, then cuts. */
function shutDown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

function hostForUrl(address: string): string {
  return address.includes(":") ? `[${address}]` : address;
}
