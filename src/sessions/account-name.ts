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

/**
 * Why a name given for a new account or tenant cannot be stored, or undefined when it can:
 * control characters would break logs and listings, and edge spaces would make a name no
 * client can type.
 */
export function unfitName(text: string): string | undefined {
  if (text.length === 0) return "it is empty";
  if (text.length > 256) return "it is longer than 256 characters";
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) return "it holds a control character";
  if (text.trim() !== text) return "it starts or ends with a space";
  return undefined;
}

/** The `UserName` EM shows for an account: `DOMAIN\name`. */
export function formatAccountName(account: AccountName): string {
  return `${account.domain}\\${account.name}`;
}
