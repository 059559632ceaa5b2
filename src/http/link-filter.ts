/**
 * The links a caller is handed inside resources: those its role may follow (spec section 8),
 * decided link by link by the check that answers 403 (src/sessions/link-access.ts).
 */
import type { LinkFilter } from "../representation/link-pruning.js";
import type { Principal } from "../sessions/access.js";
import { mayFollowLink } from "../sessions/link-access.js";

// A list of a few thousand objects carries many links to the same few targets (the server,
// the backup, the job they belong to) and the same role reads them again and again, so each
// role remembers its recent decisions, by Rel and then by Href (an Href is a whole string
// already: looking it up costs no new one). Hrefs carry IDs, so the memory is bounded and
// simply emptied when full, as the LogonSession link templates are (link-sets.ts); so is the
// table of them, which the API base (from the Host header) is part of the key of.
const DECISION_LIMIT = 20_000;
const TABLE_LIMIT = 64;
type Decisions = { size: number; byRel: Map<string, Map<string, boolean>> };
const decisions = new Map<string, Decisions>();

function decisionsOf(principal: Principal, apiBase: string): Decisions {
  const key = `${principal.kind} ${principal.role} ${apiBase}`;
  let known = decisions.get(key);
  if (known !== undefined) return known;

  if (decisions.size >= TABLE_LIMIT) decisions.clear();
  decisions.set(key, (known = { size: 0, byRel: new Map() }));
  return known;
}

function remember(known: Decisions, rel: string, href: string, may: boolean): void {
  if (known.size >= DECISION_LIMIT) {
    known.byRel.clear();
    known.size = 0;
  }
  let byHref = known.byRel.get(rel);
  if (byHref === undefined) known.byRel.set(rel, (byHref = new Map()));
  byHref.set(href, may);
  known.size++;
}

/**
 * The filter for one caller's replies on one API base, or undefined for a Portal
 * Administrator: every link is theirs, and their replies are written exactly as before.
 */
export function linkFilterFor(principal: Principal, apiBase: string): LinkFilter | undefined {
  if (principal.kind === "account" && principal.role === "PortalAdministrator") return undefined;

  const known = decisionsOf(principal, apiBase);
  return ({ rel, href }) => {
    const remembered = known.byRel.get(rel)?.get(href);
    if (remembered !== undefined) return remembered;

    // A link outside this API is no request of the role matrix; nothing here refuses it.
    const may =
      !href.startsWith(apiBase) || mayFollowLink(principal, rel, href.slice(apiBase.length));
    remember(known, rel, href, may);
    return may;
  };
}
