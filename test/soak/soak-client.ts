import { Agent, request } from "node:http";

/** What every client counts: requests by operation, their times, and what went wrong. */
export interface Tally {
  requests: Map<string, number[]>;
  failures: string[];
}

interface Session {
  token: string;
  id: string;
  usedAt: number;
}

/** One HTTP exchange over a keep-alive agent bound to the client's own source address. */
function exchange(
  agent: Agent,
  url: string,
  method: string,
  headers: Record<string, string>,
  body = "",
) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(url, { method, headers, agent }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end(body);
    },
  );
}

/**
 * A monitoring client from 127.0.0.N: logs on, reads its sessions, logs out, abandons a
 * session now and then, sends a bad body now and then, and checks every status against
 * what the API promises. Its sessions must all still work at the end; its logouts stay gone.
 */
export class SoakClient {
  private readonly agent: Agent;
  private readonly live: Session[] = [];
  readonly loggedOut: string[] = [];

  constructor(
    private readonly api: string,
    address: string,
    private readonly auth: string,
    private readonly tally: Tally,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: address });
  }

  async run(until: number): Promise<void> {
    while (Date.now() < until) await this.step();
  }

  /** The client's live sessions, to check after the run. */
  get sessions(): string[] {
    return this.live.map((session) => session.token);
  }

  close(): void {
    this.agent.destroy();
  }

  private async step(): Promise<unknown> {
    const roll = Math.random();
    if (this.live.length === 0 || roll < 0.12) return this.logon();
    if (roll < 0.2) return this.logout();
    if (roll < 0.22) return this.live.shift();
    if (roll < 0.25) return this.badBody();
    if (roll < 0.3) return this.call("entry-point", "GET", "", [200]);

    const session = this.leastRecentlyUsed();
    const headers = { "x-restsvcsessionid": session.token };
    if (roll < 0.35) return this.call("not-served", "GET", "cdpPolicies", [501], headers);
    if (roll < 0.65) return this.call("list", "GET", "logonSessions", [200], headers);
    return this.call("read", "GET", `logonSessions/${session.id}`, [200], headers);
  }

  /** The session used longest ago, so none idles out while the client holds it. */
  private leastRecentlyUsed(): Session {
    this.live.sort((a, b) => a.usedAt - b.usedAt);
    const session = this.live[0]!;
    session.usedAt = Date.now();
    return session;
  }

  private async logon(): Promise<void> {
    const reply = await this.call("logon", "POST", "sessionMngr/?v=latest", [201], {
      authorization: this.auth,
      accept: "application/json",
    });
    if (reply?.status !== 201) return;
    const token = String(reply.headers["x-restsvcsessionid"]);
    this.live.push({ token, id: JSON.parse(reply.body).SessionId, usedAt: Date.now() });
    if (this.live.length > 6) await this.logout();
  }

  /** A malformed LoginSpec: 400, and no failed logon counted against anyone. */
  private async badBody(): Promise<void> {
    const headers = { "content-type": "application/json", authorization: this.auth };
    await this.call("bad-body", "POST", "sessionMngr/?v=latest", [400], headers, "{not json");
  }

  private async logout(): Promise<void> {
    const session = this.live.pop()!;
    const headers = { "x-restsvcsessionid": session.token };
    const reply = await this.call(
      "logout",
      "DELETE",
      `logonSessions/${session.id}`,
      [204],
      headers,
    );
    if (reply?.status === 204) this.loggedOut.push(session.token);
  }

  /** Sends one request and records its time, and a failure when the status is not expected. */
  async call(
    name: string,
    method: string,
    path: string,
    expected: number[],
    headers: Record<string, string> = {},
    body = "",
  ) {
    const start = performance.now();
    try {
      const reply = await exchange(this.agent, `${this.api}${path}`, method, headers, body);
      const times = this.tally.requests.get(name) ?? [];
      times.push(performance.now() - start);
      this.tally.requests.set(name, times);
      if (!expected.includes(reply.status)) {
        this.tally.failures.push(
          `${name}: ${method} ${path} got ${reply.status} ${reply.body.slice(0, 120)}`,
        );
      }
      return reply;
    } catch (error) {
      this.tally.failures.push(`${name}: ${method} ${path} failed: ${(error as Error).message}`);
      return undefined;
    }
  }
}
