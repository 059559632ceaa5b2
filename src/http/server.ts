import { createServer as createHttpServer, type Server, type ServerOptions } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { ServeConfig } from "../config.js";
import { ActionQueue } from "../actions/action-queue.js";
import { TASK_SETTLE_MS } from "../actions/job-actions.js";
import { InventorySource } from "../inventory/inventory-source.js";
import type { Inventory } from "../inventory/model.js";
import { AuditLog } from "../sessions/audit.js";
import { loadAuditSalt } from "../sessions/audit-salt.js";
import { warmUpCredentials } from "../sessions/credentials.js";
import { startExpirySweeper } from "../sessions/expiry.js";
import { SessionService } from "../sessions/session-service.js";
import type { Store } from "../store/store.js";
import { apiBaseOf } from "./api-base.js";
import { createApp } from "./app.js";
import { expectationHandler, handleClientError, handleConnect } from "./client-error.js";
import { loadTlsPair } from "./tls.js";

/** How long clients may take, and how long a shutdown waits for requests in flight. */
export interface ServerLimits {
  /** From connection (or the end of the last request) to the end of the headers. */
  headersTimeoutMs: number;
  /** From connection to the end of the body. */
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** From connection to the end of the TLS handshake (Node waits 120 s by default). */
  handshakeTimeoutMs: number;
  /** After SIGTERM, requests in flight get this long before their connections are cut. */
  shutdownGraceMs: number;
}

/** Slow or stuck clients are cut off rather than holding sockets (Node's own limits). */
export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  handshakeTimeoutMs: 10_000,
  shutdownGraceMs: 5_000,
};

function serverOptions(limits: ServerLimits): ServerOptions {
  return {
    maxHeaderSize: 16 * 1024,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Node checks the two timeouts only this often (30 s by default), so a client sending
    // its headers a byte at a time would otherwise hold its socket for up to 40 s.
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, limits.headersTimeoutMs / 4)),
    // Node would answer a missing Host with an empty 400; the app answers it with an Error.
    requireHostHeader: false,
  };
}

export interface RunningServer {
  /** One `…/api/` URL per listener, HTTPS first. */
  urls: string[];
  service: SessionService;
  inventory: InventorySource;
  close(): Promise<void>;
}

export interface ServerDeps {
  store: Store;
  logger: Logger;
  limits?: Partial<ServerLimits>;
  /** The inventory written to a store that never had one; none by default. */
  inventorySeed?: () => Inventory;
  /** How often the store is asked for inventory changes; about a second by default. */
  inventoryCheckEveryMs?: number;
}

/**
 * Serves the API on each enabled port over one app, with the expiry sweeper and the inventory
 * checks beside it. Rejects when the store cannot be read at start.
 */
export async function startServer(config: ServeConfig, deps: ServerDeps): Promise<RunningServer> {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const options = serverOptions(limits);
  const audit = new AuditLog(deps.logger, await loadAuditSalt(config.dataDir));
  const service = new SessionService({
    store: deps.store,
    idleTimeoutMs: config.idleTimeoutMs,
    absoluteLifetimeMs: config.absoluteLifetimeMs,
    localDomain: config.domain,
    throttle: config.throttle,
    audit,
  });

  const inventory = new InventorySource({
    store: deps.store,
    seed: deps.inventorySeed,
    logger: deps.logger,
    checkEveryMs: deps.inventoryCheckEveryMs,
  });

  let handler: Parameters<typeof createHttpServer>[1];
  const app = await createApp({
    context: {
      service,
      apiBase: (request) => apiBaseOf(request, config.publicUrl),
      inventory: () => inventory.view(),
      putInventory: (records) => inventory.put(records),
      actionInventory: inventory,
      jobRuns: { runLengthMs: config.jobRunLengthMs, taskSettleMs: TASK_SETTLE_MS },
      actions: new ActionQueue(),
    },
    logger: deps.logger,
    jsonCasing: config.jsonCasing,
    serverFactory: (h) => {
      handler = h;
      return createHttpServer(options, h);
    },
  });
  await app.ready();
  await warmUpCredentials();

  const listeners: { scheme: string; server: Server; port: number }[] = [];
  if (config.httpsPort !== null) {
    const tls = await loadTlsPair({
      dataDir: config.dataDir,
      certFile: config.tlsCert,
      keyFile: config.tlsKey,
    });
    const server = createHttpsServer(
      { ...options, ...tls, minVersion: "TLSv1.2", handshakeTimeout: limits.handshakeTimeoutMs },
      handler!,
    );
    // A failed or timed-out handshake has no HTTP to answer in: drop the connection.
    server.on("tlsClientError", (_error, socket) => socket.destroy());
    listeners.push({ scheme: "https", server, port: config.httpsPort });
  }
  if (config.httpPort !== null)
    listeners.push({ scheme: "http", server: app.server, port: config.httpPort });

  const urls: string[] = [];
  try {
    // Read before the ports open, so the first request finds the inventory.
    await inventory.start();
    for (const listener of listeners) {
      applyTimeouts(listener.server, options);
      if (listener.server !== app.server) listener.server.on("clientError", handleClientError);
      listener.server.on("connect", handleConnect);
      listener.server.on("checkExpectation", expectationHandler(config.jsonCasing));
      await listen(listener, config.listen);
      const { port } = listener.server.address() as AddressInfo;
      urls.push(`${listener.scheme}://${hostForUrl(config.listen)}:${port}/api/`);
    }
  } catch (error) {
    inventory.close();
    await app.close().catch(() => undefined);
    throw error;
  }

  const sweepEvery = Math.max(1_000, Math.min(60_000, Math.floor(config.idleTimeoutMs / 4)));
  const stopSweeper = startExpirySweeper(deps.store, sweepEvery, deps.logger, audit);

  const close = async () => {
    inventory.close();
    await stopSweeper();
    const grace = limits.shutdownGraceMs;
    await Promise.all(listeners.map((listener) => shutDown(listener.server, grace)));
    await app.close();
  };
  return { urls, service, inventory, close };
}

function applyTimeouts(server: Server, options: ServerOptions): void {
  server.requestTimeout = options.requestTimeout!;
  server.headersTimeout = options.headersTimeout!;
  server.keepAliveTimeout = options.keepAliveTimeout!;
}

function listen(
  { scheme, server, port }: { scheme: string; server: Server; port: number },
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error & { code?: string }) =>
      reject(listenError(error, scheme, port, host));
    server.once("error", fail);
    server.listen({ port, host }, () => {
      server.off("error", fail);
      resolve();
    });
  });
}

/** The port's flag in the message: Node's own (`listen EADDRINUSE …`) names neither. */
function listenError(error: Error & { code?: string }, scheme: string, port: number, host: string) {
  const where = `${scheme.toUpperCase()} port ${port} on ${host}`;
  const flag = `--${scheme}-port`;
  if (error.code === "EADDRINUSE")
    return new Error(`${where} is in use by another program; choose another with ${flag}`);
  if (error.code === "EACCES")
    return new Error(`${where} needs privileges this process lacks; choose another with ${flag}`);
  if (error.code === "EADDRNOTAVAIL")
    return new Error(`${host} is not an address of this machine (--listen)`);
  return error;
}

/** Stops accepting, lets requests in flight finish within the grace period, then cuts. */
function shutDown(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
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
