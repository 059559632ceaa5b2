/**
 * Who may do what: the vendor's role matrix applied to one operation. Pure functions, shared
 * by the request path (403 "Access denied") and the LogonSession link sets, so a session is
 * never handed a link its role may not follow.
 */
import type { PrincipalKind, Role } from "../store/store.js";
import {
  EVERY_SESSION,
  REST_ROLES,
  ROLE_MATRIX,
  TENANT,
  type RestRole,
  type RoleColumns,
} from "./access-matrix.js";
import { operationOf, parsePattern, type Operation, type OperationPattern } from "./operation.js";

export interface Principal {
  kind: PrincipalKind;
  role: Role;
}

/** Patterns by the first path segment they can match, so a check reads only a few. */
class PatternIndex {
  private readonly byResource = new Map<string, OperationPattern[]>();

  constructor(lines: readonly string[]) {
    for (const pattern of lines.map(parsePattern)) {
      for (const resource of pattern.resources) {
        const list = this.byResource.get(resource) ?? [];
        list.push(pattern);
        this.byResource.set(resource, list);
      }
    }
  }

  matches(operation: Operation): boolean {
    const candidates = this.byResource.get(operation.segments[0] ?? "") ?? [];
    return candidates.some((pattern) => pattern.matches(operation));
  }
}

const compiled = (columns: RoleColumns) => ({
  available: new PatternIndex(columns.available),
  unavailable: new PatternIndex(columns.unavailable),
});

const MATRIX = new Map(
  Object.entries(ROLE_MATRIX).map(([role, columns]) => [role as RestRole, compiled(columns)]),
);
const SESSIONS = new PatternIndex(EVERY_SESSION);
const TENANTS = new PatternIndex(TENANT);

/**
 * Whether one REST role may make this operation: the role lists it as available and not
 * also as unavailable. What the matrix does not mention is refused: its columns are the
 * vendor's whole list for the role, so a resource it leaves out (systemSessions, the EM 12
 * cdpReplica/* paths, GET /cloud itself) is one we cannot show the role may use. A refusal
 * says so at once with a 403; a wrong grant would show data to the wrong people silently.
 */
export function restRoleMay(role: RestRole, operation: Operation): boolean {
  const columns = MATRIX.get(role)!;
  return columns.available.matches(operation) && !columns.unavailable.matches(operation);
}

/**
 * Whether a principal may make this operation. An account may do what any REST role it holds
 * may (src/sessions/access-matrix.ts); a tenant only Cloud Connect; every principal its own
 * logon sessions. `undefined` (an ambiguous request, see operationOf) is refused to all but
 * the Portal Administrator.
 */
export function isAllowed(principal: Principal, operation: Operation | undefined): boolean {
  if (principal.kind === "account" && principal.role === "PortalAdministrator") return true;
  if (operation === undefined) return false;
  if (SESSIONS.matches(operation)) return principal.kind === "tenant" || principal.role !== "None";
  if (principal.kind === "tenant") return TENANTS.matches(operation);

  const roles = REST_ROLES[principal.role];
  if (roles === "all") return true;
  return roles.some((role) => restRoleMay(role, operation));
}

/** `isAllowed` for a method and a target under `/api/` with its query: `jobs?format=Entity`. */
export function mayRequest(principal: Principal, method: string, target: string): boolean {
  if (principal.kind === "account" && principal.role === "PortalAdministrator") return true;
  return isAllowed(principal, operationOf(method, target));
}
