import { Fault } from "../faults/fault.js";
import { nameKey } from "../store/name-key.js";
import { PrincipalGone, type SessionRecord, type Store } from "../store/store.js";
import { formatAccountName, parseAccountName } from "./account-name.js";
import { AuditLog, type Actor } from "./audit.js";
import { verifyPassword } from "./credentials.js";
import type { ActiveSession, LogonRequest } from "./session.js";
import { LogonThrottle, type LogonAttempt, type ThrottleSettings } from "./throttle.js";
import {
  keyHashOf,
  newSessionId,
  normalizeSessionId,
  sessionIdFromToken,
  tokenFor,
} from "./session-id.js";

export interface SessionServiceOptions {
  store: Store;
  /** Sessions end this long after their last request (EM: 15 minutes). */
  idleTimeoutMs: number;
  /** 0 for no absolute lifetime, as in EM. */
  absoluteLifetimeMs: number;
  /** The domain of bare user names. */
  localDomain: string;
  /** Logons checking a password at once; past this, a logon is refused as `Overloaded`. */
  maxPendingLogons?: number;
  /** Brute-force limits; no throttling when not given. */
  throttle?: ThrottleSettings;
  /** Where audit lines go; none are written when not given. */
  audit?: AuditLog;
  clock?: () => number;
}

/** Enough to keep the hashing threads busy, few enough that a queued logon waits < 1 s. */
const DEFAULT_MAX_PENDING_LOGONS = 64;

/**
 * The logon-session service: logon, token checks, reads and logout. It knows nothing of
 * HTTP; it raises faults by name and the edge renders them.
 */
export class SessionService {
  readonly store: Store;
  private readonly options: SessionServiceOptions;
  private readonly now: () => number;
  private pendingLogons = 0;
  private readonly throttle: LogonThrottle | undefined;
  private readonly audit: AuditLog;

  constructor(options: SessionServiceOptions) {
    this.options = options;
    this.store = options.store;
    this.now = options.clock ?? Date.now;
    this.throttle = options.throttle && new LogonThrottle(options.throttle, this.now);
    this.audit = options.audit ?? new AuditLog(undefined, Buffer.alloc(32));
  }

  /**
   * Checks the credentials and opens a session, durable in the store before it returns.
   * A throttled attempt is checked all the same and then fails as a wrong password does,
   * so neither the reply nor its timing says whether the name exists or was throttled.
   */
  async logon(request: LogonRequest): Promise<ActiveSession> {
    const attempt = attemptOf(request, this.options.localDomain);
    const principal = await this.checkCredentials(request, attempt);

    const sessionId = newSessionId();
    const now = this.now();
    const { absoluteLifetimeMs, idleTimeoutMs } = this.options;
    const hardExpiresAt = absoluteLifetimeMs > 0 ? now + absoluteLifetimeMs : 0;
    const record: SessionRecord = {
      ...principal,
      keyHash: keyHashOf(sessionId),
      version: request.version,
      createdAt: now,
      expiresAt:
        hardExpiresAt > 0 ? Math.min(now + idleTimeoutMs, hardExpiresAt) : now + idleTimeoutMs,
      hardExpiresAt,
    };

    try {
      await this.store.createSession(record);
    } catch (error) {
      // The account or tenant was removed while its password was being checked.
      if (error instanceof PrincipalGone) throw new Fault("LogonFailed");
      throw error;
    }
    this.audit.logon(actorOf(record, request.address), record.keyHash);
    return { sessionId, token: tokenFor(sessionId), record };
  }

  /** The live session a token stands for, its idle window slid; `SessionNotFound` if none. */
  async authenticate(token: string): Promise<ActiveSession> {
    const sessionId = sessionIdFromToken(token);
    if (sessionId === undefined) throw new Fault("SessionNotFound");

    const now = this.now();
    const record = await this.store.findSession(
      keyHashOf(sessionId),
      now,
      now + this.options.idleTimeoutMs,
    );
    if (record === undefined) throw new Fault("SessionNotFound");
    return { sessionId, token: tokenFor(sessionId), record };
  }

  /** The caller's sessions it can name: only its current one, since the store keeps no ids. */
  list(caller: ActiveSession): ActiveSession[] {
    return [caller];
  }

  /** One session of the caller's own principal; another's answers exactly as an unknown ID. */
  async read(caller: ActiveSession, id: string): Promise<ActiveSession> {
    const sessionId = normalizeSessionId(id);
    if (sessionId === undefined) throw new Fault("LogonSessionNotFound");
    if (sessionId === caller.sessionId) return caller;

    const record = await this.store.findSession(keyHashOf(sessionId), this.now());
    if (record === undefined || !samePrincipal(record, caller.record)) {
      throw new Fault("LogonSessionNotFound");
    }
    return { sessionId, token: tokenFor(sessionId), record };
  }

  /** Ends a session of the caller's own principal: the logout, from `address` if known. */
  async logout(caller: ActiveSession, id: string, address?: string): Promise<void> {
    const target = await this.read(caller, id);
    const deleted = await this.store.deleteSession(target.record.keyHash);
    if (deleted) {
      this.audit.logout(actorOf(target.record, address), target.record.keyHash);
      return;
    }
    // A racing logout of the caller's own session ended it first: its token is now dead, and
    // clients recover only on 401 (spec section 12, behaviour 9).
    throw new Fault(
      target.sessionId === caller.sessionId ? "SessionNotFound" : "LogonSessionNotFound",
    );
  }

  /** The password check, bounded in concurrency, counted by the throttle and audited. */
  private async checkCredentials(request: LogonRequest, attempt: Attempt) {
    const limit = this.options.maxPendingLogons ?? DEFAULT_MAX_PENDING_LOGONS;
    if (this.pendingLogons >= limit) {
      const message = "Too many logons at once. Try again shortly.";
      throw new Fault("Overloaded", message, { "Retry-After": "1" });
    }

    this.pendingLogons++;
    let principal;
    try {
      principal = request.tenant
        ? await this.checkTenant(request.tenant)
        : await this.checkAccount(request.basic);
    } catch (error) {
      this.noteFailure(attempt, error);
      throw error;
    } finally {
      this.pendingLogons--;
    }

    // Decided after the check, so parallel guesses cannot slip past the count.
    const refusal = this.throttle?.refusal(attempt.throttle);
    if (refusal !== undefined) {
      this.audit.logonThrottled(attempt.actor, refusal);
      throw new Fault("LogonFailed");
    }
    this.throttle?.recordSuccess(attempt.throttle);
    return principal;
  }

  /** A wrong password counts against the name and the address, unless already refused. */
  private noteFailure(attempt: Attempt, error: unknown): void {
    if (!(error instanceof Fault) || error.fault !== "LogonFailed") return;
    const refusal = this.throttle?.refusal(attempt.throttle);
    if (refusal !== undefined) {
      this.audit.logonThrottled(attempt.actor, refusal);
      return;
    }
    this.throttle?.recordFailure(attempt.throttle);
    this.audit.logonFailed(attempt.actor);
  }

  private async checkAccount(basic: LogonRequest["basic"]) {
    if (basic === undefined) throw new Fault("Unauthorized");

    const name = parseAccountName(basic.userName, this.options.localDomain);
    const account = name ? await this.store.findAccount(name.domain, name.name) : undefined;
    const matches = await verifyPassword(account?.passwordHash, basic.password);
    // An account without a role cannot log on; it fails exactly as a wrong password does.
    if (!matches || account === undefined || account.role === "None")
      throw new Fault("LogonFailed");

    return {
      kind: "account" as const,
      principalId: account.id,
      userName: formatAccountName(account),
      role: account.role,
    };
  }

  private async checkTenant(credentials: { name: string; password: string }) {
    const tenant = await this.store.findTenant(credentials.name);
    const matches = await verifyPassword(tenant?.passwordHash, credentials.password);
    if (!matches || tenant === undefined) throw new Fault("LogonFailed");

    return {
      kind: "tenant" as const,
      principalId: tenant.id,
      userName: tenant.name,
      // Tenants have no EM role; the link set and access follow from `kind`.
      role: "None" as const,
    };
  }
}

/** A logon attempt as the throttle counts it and the audit trail names it. */
interface Attempt {
  throttle: LogonAttempt;
  actor: Actor;
}

/**
 * The name as the store would match it (folded by `nameKey`, so every spelling the store
 * takes for one account counts as one), whether or not it exists.
 */
function attemptOf(request: LogonRequest, localDomain: string): Attempt {
  const address = request.address;
  if (request.tenant) {
    const name = request.tenant.name;
    return {
      throttle: { principal: `tenant:${nameKey(name)}`, address },
      actor: { account: name, kind: "tenant", address },
    };
  }

  const given = request.basic?.userName ?? "";
  const parsed = parseAccountName(given, localDomain);
  const shown = parsed
    ? formatAccountName({ ...parsed, domain: parsed.domain.toUpperCase() })
    : given;
  return {
    throttle: { principal: `account:${nameKey(shown)}`, address },
    actor: { account: shown, kind: "account", address },
  };
}

function actorOf(record: SessionRecord, address: string | undefined): Actor {
  return { account: record.userName, kind: record.kind, address };
}

function samePrincipal(a: SessionRecord, b: SessionRecord): boolean {
  return a.kind === b.kind && a.principalId === b.principalId;
}
