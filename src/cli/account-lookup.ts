import { formatAccountName, parseAccountName, unfitName } from "../sessions/account-name.js";
import type { AccountName } from "../sessions/account-name.js";
import type { Account, Store, Tenant } from "../store/store.js";
import { CommandFailed, UsageError } from "./errors.js";

/** `DOMAIN\user`, `user@DOMAIN` or `user` (in `localDomain`); the domain upper-cased. */
export function parseNameArgument(raw: string, localDomain: string): AccountName {
  const parsed = parseAccountName(raw, localDomain);
  if (parsed === undefined) {
    throw new UsageError(`"${raw}" is not an account name; use DOMAIN\\user, user@DOMAIN or user`);
  }
  const unfit =
    unfitName(parsed.domain) ??
    unfitName(parsed.name) ??
    (parsed.name.includes("\\") ? "it holds a second \\" : undefined);
  if (unfit !== undefined)
    throw new UsageError(`${JSON.stringify(raw)} cannot name an account: ${unfit}`);
  return { domain: parsed.domain.toUpperCase(), name: parsed.name };
}

export async function findAccountOrFail(
  store: Store,
  raw: string,
  localDomain: string,
): Promise<Account> {
  const wanted = parseNameArgument(raw, localDomain);
  const account = await store.findAccount(wanted.domain, wanted.name);
  if (account === undefined) {
    throw new CommandFailed(`there is no account ${formatAccountName(wanted)}`);
  }
  return account;
}

export function checkTenantName(raw: string): string {
  const unfit = unfitName(raw);
  if (unfit !== undefined)
    throw new UsageError(`${JSON.stringify(raw)} cannot name a tenant: ${unfit}`);
  return raw;
}

export async function findTenantOrFail(store: Store, raw: string): Promise<Tenant> {
  const tenant = await store.findTenant(checkTenantName(raw));
  if (tenant === undefined) throw new CommandFailed(`there is no tenant "${raw}"`);
  return tenant;
}
