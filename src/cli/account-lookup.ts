import { formatAccountName, parseAccountName } from "../sessions/account-name.js";
import type { AccountName } from "../sessions/account-name.js";
import type { Account, Store, Tenant } from "../store/store.js";
import { CommandFailed, UsageError } from "./errors.js";

/** `DOMAIN\user`, `user@DOMAIN` or `user` (in `localDomain`); the domain upper-cased. */
export function parseNameArgument(raw: string, localDomain: string): AccountName {
  const parsed = parseAccountName(raw, localDomain);
  if (parsed === undefined) {
    throw new UsageError(`"${raw}" is not an account name; use DOMAIN\\user, user@DOMAIN or user`);
  }
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
  if (raw.trim() === "") throw new UsageError("a tenant name cannot be empty");
  return raw;
}

export async function findTenantOrFail(store: Store, raw: string): Promise<Tenant> {
  const tenant = await store.findTenant(checkTenantName(raw));
  if (tenant === undefined) throw new CommandFailed(`there is no tenant "${raw}"`);
  return tenant;
}
