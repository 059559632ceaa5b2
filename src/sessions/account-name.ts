/**
 * The user-name forms EM accepts (spec section 2): `DOMAIN\user` on Windows, `user@DOMAIN`
 * on Linux, and a bare `user` for a local account of the server's own domain.
 */
export interface AccountName {
  domain: string;
  name: string;
}

/** Splits a logon name into domain and name; undefined when either part is empty. */
export function parseAccountName(raw: string, localDomain: string): AccountName | undefined {
  const backslash = raw.indexOf("\\");
  const at = raw.lastIndexOf("@");
  let parts: AccountName;

  if (backslash >= 0) {
    parts = { domain: raw.slice(0, backslash), name: raw.slice(backslash + 1) };
  } else if (at >= 0) {
    parts = { domain: raw.slice(at + 1), name: raw.slice(0, at) };
  } else {
    parts = { domain: localDomain, name: raw };
  }

  if (parts.domain === "" || parts.name === "") return undefined;
  return parts;
}

/** The `UserName` EM shows for an account: `DOMAIN\name`. */
export function formatAccountName(account: AccountName): string {
  return `${account.domain}\\${account.name}`;
}
