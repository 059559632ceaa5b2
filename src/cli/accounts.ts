import { Command } from "commander";
import { hashPassword } from "../sessions/credentials.js";
import { formatAccountName } from "../sessions/account-name.js";
import { AlreadyExists, ROLES, type Account, type Store } from "../store/store.js";
import { findAccountOrFail, parseNameArgument } from "./account-lookup.js";
import { addDomainOption, addStoreOptions, withStore, type StoreFlags } from "./cli-store.js";
import { CommandFailed } from "./errors.js";
import type { CliIo } from "./io.js";
import { parseRole } from "./parse-role.js";
import { isoTime, printJson, printTable } from "./print.js";
import { readPassword } from "./read-password.js";

type ForceFlags = StoreFlags & { force?: boolean };

const NAME_HELP = "DOMAIN\\user, user@DOMAIN, or user in the local domain";
const ROLE_HELP = `one of ${ROLES.join(", ")} (any case, spaces allowed)`;

/** `emrest accounts …`: the EM accounts that log on with HTTP Basic. */
export function accountsCommand(io: CliIo): Command {
  const accounts = new Command("accounts").description("manage the accounts that may log on");
  const leaf = (name: string) => addStoreOptions(addDomainOption(accounts.command(name)));

  leaf("add")
    .description("add an account; its password is read from stdin")
    .argument("<name>", NAME_HELP)
    .requiredOption("--role <role>", ROLE_HELP)
    .action((name: string, flags: StoreFlags & { role: string }) => addAccount(io, name, flags));

  leaf("list")
    .description("list the accounts: name, role, created")
    .option("--json", "print JSON for scripts")
    .action((flags: StoreFlags & { json?: boolean }) => listAccounts(io, flags));

  leaf("remove")
    .description("remove an account and end its sessions")
    .argument("<name>", NAME_HELP)
    .option("--force", "even the last Portal Administrator")
    .action((name: string, flags: ForceFlags) => removeAccount(io, name, flags));

  leaf("set-password")
    .description("set an account's password, read from stdin")
    .argument("<name>", NAME_HELP)
    .action((name: string, flags: StoreFlags) => setPassword(io, name, flags));

  leaf("set-role")
    .description("change an account's role")
    .argument("<name>", NAME_HELP)
    .argument("<role>", ROLE_HELP)
    .option("--force", "even for the last Portal Administrator")
    .action((name: string, role: string, flags: ForceFlags) => setRole(io, name, role, flags));

  return accounts;
}

async function addAccount(io: CliIo, raw: string, flags: StoreFlags & { role: string }) {
  const role = parseRole(flags.role);
  await withStore(flags, io, async (store, { domain }) => {
    const wanted = parseNameArgument(raw, domain);
    const passwordHash = await hashPassword(await readPassword(io));

    try {
      await store.addAccount({ ...wanted, role, passwordHash });
    } catch (error) {
      if (!(error instanceof AlreadyExists)) throw error;
      throw new CommandFailed(`an account ${formatAccountName(wanted)} already exists`);
    }
    io.stdout.write(`added ${formatAccountName(wanted)} as ${role}\n`);
  });
}

async function listAccounts(io: CliIo, flags: StoreFlags & { json?: boolean }) {
  const accounts = await withStore(flags, io, (store) => store.listAccounts());
  if (flags.json) {
    printJson(io, accounts.map(accountJson));
  } else {
    printTable(
      io,
      accounts.map((a) => [formatAccountName(a), a.role, isoTime(a.createdAt)]),
    );
  }
}

function accountJson(account: Account) {
  const { domain, name, role, createdAt } = account;
  return { userName: formatAccountName(account), domain, name, role, created: isoTime(createdAt) };
}

async function removeAccount(io: CliIo, raw: string, flags: ForceFlags) {
  await withStore(flags, io, async (store, { domain }) => {
    const account = await findAccountOrFail(store, raw, domain);
    if (!flags.force) await keepAnAdministrator(store, account, "removing");
    await store.removeAccount(account.id);
    io.stdout.write(`removed ${formatAccountName(account)}\n`);
  });
}

async function setPassword(io: CliIo, raw: string, flags: StoreFlags) {
  await withStore(flags, io, async (store, { domain }) => {
    const account = await findAccountOrFail(store, raw, domain);
    const passwordHash = await hashPassword(await readPassword(io));
    await store.setAccountPassword(account.id, passwordHash);
    io.stdout.write(`set the password of ${formatAccountName(account)}\n`);
    await noteLiveSessions(io, store, account, "stay open");
  });
}

async function setRole(io: CliIo, raw: string, roleText: string, flags: ForceFlags) {
  const role = parseRole(roleText);
  await withStore(flags, io, async (store, { domain }) => {
    const account = await findAccountOrFail(store, raw, domain);
    if (role !== ADMINISTRATOR && !flags.force) {
      await keepAnAdministrator(store, account, "demoting");
    }
    await store.setAccountRole(account.id, role);
    io.stdout.write(`${formatAccountName(account)} is now ${role}\n`);
    await noteLiveSessions(io, store, account, "keep the old role");
  });
}

const ADMINISTRATOR = "PortalAdministrator";

/**
 * Refuses to leave the store with no Portal Administrator, the one role that reaches all the
 * API serves; `--force` does it on purpose. Two commands run at once could each pass this
 * check: it guards against a slip, not a race.
 */
async function keepAnAdministrator(store: Store, account: Account, doing: string) {
  if (account.role !== ADMINISTRATOR) return;
  const admins = (await store.listAccounts()).filter((a) => a.role === ADMINISTRATOR);
  if (admins.length > 1) return;
  throw new CommandFailed(
    `${formatAccountName(account)} is the last Portal Administrator; add another before ` +
      `${doing} it, or pass --force`,
  );
}

/** A session keeps the role it logged on with, so say when some are still open. */
async function noteLiveSessions(io: CliIo, store: Store, account: Account, effect: string) {
  const live = await store.listSessions({ kind: "account", principalId: account.id });
  if (live.length === 0) return;
  const name = formatAccountName(account);
  io.stdout.write(
    `${live.length} live session(s) ${effect} until they end; to end them now: ` +
      `emrest sessions revoke --account '${name}'\n`,
  );
}
