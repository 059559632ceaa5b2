import net from "node:net";

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, so a test can take the server "down"
 * and bring it back without touching the server itself. `stop()` cuts every connection and
 * refuses new ones, as a crashed server would; `start()` listens on the same port again;
 * `freeze()` keeps connections open but stops passing bytes, as a hung server would.
 * `replyDelayMs` holds every byte from the server that long, as a distant server would.
 */
export class TcpProxy {
  readonly #target: { host: string; port: number };
  readonly #replyDelayMs: number;
  readonly #sockets = new Set<net.Socket>();
  #server: net.Server | undefined;
  #frozen = false;
  port = 0;

  constructor(target: { host: string; port: number }, options: { replyDelayMs?: number } = {}) {
    this.#target = target;
    this.#replyDelayMs = options.replyDelayMs ?? 0;
  }

  /** Starts listening, on the port used before if there was one. */
  async start(): Promise<void> {
    this.#frozen = false;
    const server = net.createServer((client) => this.#relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.#server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  /** Cuts every connection and stops listening. */
  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Keeps accepting and holding connections, but passes no more bytes either way. */
  freeze(): void {
    this.#frozen = true;
  }

  #relay(client: net.Socket): void {
    const upstream = net.connect(this.#target);
    for (const [from, to, delayMs] of [
      [client, upstream, 0],
      [upstream, client, this.#replyDelayMs],
    ] as const) {
      this.#sockets.add(from);
      from.on("data", (chunk) => {
        if (this.#frozen) return;
        // Timers of one length fire in the order they were set, so the bytes keep theirs.
        if (delayMs > 0) setTimeout(() => to.write(chunk), delayMs);
        else to.write(chunk);
      });
      from.on("error", () => to.destroy());
      from.on("close", () => {
        this.#sockets.delete(from);
        to.destroy();
      });
    }
  }
}
