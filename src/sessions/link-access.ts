/**
 * Whether a principal may follow one link: the link's method and target run through the same
 * decision that answers 403 (access.ts), so a reply never hands a role a link that refuses it.
 */
import { mayRequest, type Principal } from "./access.js";

// An action link names its operation in the query (`jobs/{ID}?action=start`) and is POSTed
// (spec section 9); the vendor's Create, Edit and Delete links are POST, PUT and DELETE.
const ACTION = /[?&]action=/i;

/** The method a client follows a link with: its Rel, or an `action` in its target. */
export function methodOfLink(rel: string, target: string): string {
  if (rel === "Delete") return "DELETE";
  if (rel === "Edit") return "PUT";
  if (rel === "Create" || ACTION.test(target)) return "POST";
  return "GET";
}

// The entry point and logon are answered without a logon session (src/http/routes.ts), so no
// role check stands in front of them; test/http/link-roles.test.ts keeps this in step.
export const OPEN_PATHS: readonly string[] = ["", "sessionmngr"];

function isOpen(target: string): boolean {
  const mark = target.indexOf("?");
  const path = (mark === -1 ? target : target.slice(0, mark)).replace(/^\/+|\/+$/g, "");
  return OPEN_PATHS.includes(path.toLowerCase());
}

/**
 * Whether `principal` may follow a link with this Rel to `target`, the path under `/api/`
 * with its query (`jobs/{ID}?action=start`).
 */
export function mayFollowLink(principal: Principal, rel: string, target: string): boolean {
  return isOpen(target) || mayRequest(principal, methodOfLink(rel, target), target);
}
