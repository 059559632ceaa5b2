import { ROLES, type Role } from "../store/store.js";
import { UsageError } from "./errors.js";

/**
 * Accepts a role as the store spells it or as the EM console shows it
 * (`PortalAdministrator`, `Portal Administrator`, `portaladministrator`).
 */
export function parseRole(text: string): Role {
  const wanted = text.replace(/\s+/g, "").toLowerCase();
  const role = ROLES.find((candidate) => candidate.toLowerCase() === wanted);
  if (role === undefined) {
    throw new UsageError(`unknown role "${text}"; use one of ${ROLES.join(", ")}`);
  }
  return role;
}
