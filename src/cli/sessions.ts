import { Command } from "commander";
import { pino } from "pino";
import { AuditLog } from "../sessions/audit.js";
import { loadAuditSalt } from "../sessions/audit-salt.js";
import type { SessionRecord, Store } from "../store/store.js";
import { findAccountOrFail, findTenantOrFail } from "./account-lookup.js";
import { addDomainOption, addStoreOptions, withStore, type StoreFlags } from "./cli-store.js";
import { UsageError } from "./errors.js";
import type { CliIo } from "./io.js";
import { isoTime, printJson, printTable } from "./print.js";
import { checkHandle, resolveHandles, sessionHandle } from "./session-handle.js";

interface RevokeFlags extends StoreFlags {
  account?: string;
  tenant?: string;
  all?: boolean;
}

/** `emrest sessions …`: the live logon sessions, shown by handle, never by token. */
export function sessionsCommand(io: CliIo): Command {
  const sessions = new Command("sessions").description("list and end logon sessions");

  addStoreOptions(sessions.command("list"))
    .description("list live sessions: handle, user, kind, version, created, expires")
    .option("--json", "print JSON for scripts")
    .action((flags: StoreFlags & { json?: boolean }) => listSessions(io, flags));

  addStoreOptions(addDomainOption(sessions.command("revoke")))
    .description("end sessions by handle (8 or more hex characters), by owner, or all")
    .argument("[handles...]", "handles as `sessions list` shows them")
    .option("--account <name>", "end every session of this account")
    .option("--tenant <name>", "end every session of this tenant")
    .option("--all", "end every session")
    .action((handles: string[], flags: RevokeFlags) => revoke(io, handles, flags));

  return sessions;
}

async function listSessions(io: CliIo, flags: StoreFlags & { json?: boolean }) {
  const sessions = await withStore(flags, io, (store) => store.listSessions());
  if (flags.json) {
    printJson(io, sessions.map(sessionJson));
    return;
  }
  printTable(
    io,
    sessions.map((s) => [
      sessionHandle(s),
      s.userName,
      s.kind,
      s.version,
      isoTime(s.createdAt),
      isoTime(s.expiresAt),
    ]),
  );
}

function sessionJson(session: SessionRecord) {
  return {
    handle: sessionHandle(session),
    userName: session.userName,
    kind: session.kind,
    role: session.role,
    version: session.version,
    created: isoTime(session.createdAt),
    expires: isoTime(session.expiresAt),
    hardExpires: session.hardExpiresAt === 0 ? null : isoTime(session.hardExpiresAt),
  };
}

async function revoke(io: CliIo, handles: string[], flags: RevokeFlags) {
  const modes = [handles.length > 0, flags.account !== undefined, flags.tenant !== undefined];
  const modeCount = modes.filter(Boolean).length + (flags.all ? 1 : 0);
  if (modeCount !== 1) {
    throw new UsageError("give session handles, or --account NAME, or --tenant NAME, or --all");
  }
  handles.forEach(checkHandle);

  const count = await withStore(flags, io, async (store, { domain, dataDir }) => {
    const doomed = await chooseSessions(store, handles, flags, domain);
    // Audit lines go to stderr, as the server's do, hashed with the same salt.
    const audit = new AuditLog(pino({}, io.stderr), await loadAuditSalt(dataDir));
    for (const session of doomed) {
      if (!(await store.deleteSession(session.keyHash))) continue;
      const actor = { account: session.userName, kind: session.kind, address: null };
      audit.revoked(actor, session.keyHash, "cli");
    }
    return doomed.length;
  });
  io.stdout.write(`revoked ${count} session${count === 1 ? "" : "s"}\n`);
}

async function chooseSessions(
  store: Store,
  handles: string[],
  flags: RevokeFlags,
  domain: string,
): Promise<SessionRecord[]> {
  if (flags.account !== undefined) {
    const account = await findAccountOrFail(store, flags.account, domain);
    return store.listSessions({ kind: "account", principalId: account.id });
  }
  if (flags.tenant !== undefined) {
    const tenant = await findTenantOrFail(store, flags.tenant);
    return store.listSessions({ kind: "tenant", principalId: tenant.id });
  }
  const live = await store.listSessions();
  return flags.all ? live : resolveHandles(live, handles);
}
