/**
 * Operations as the vendor's role matrix writes them, and as a request makes them. A line of
 * the matrix is either one operation, `GET /backupSessions/{ID}`, `POST
 * /failoverPlans/{ID}?action=start`, `GET /query?type=Job`, or a whole resource, `/backups
 * (all)`: every method on that path and on everything below it.
 * (helpcenter.veeam.com/docs/vbr/em_rest/security_roles_concept.html)
 */

/** What a request asks for, with paths and parameters folded to lower case. */
export interface Operation {
  /** Upper case; `HEAD` counts as `GET`. */
  method: string;
  /** The path under `/api/`, percent-decoded, without empty segments. */
  segments: readonly string[];
  /** `?action=`, when given. */
  action?: string;
  /** `?type=` (the query service's), when given. */
  type?: string;
}

export interface OperationPattern {
  /** The matrix line it was read from. */
  readonly text: string;
  /** The first path segments it can match, lower case; patterns are indexed by them. */
  readonly resources: readonly string[];
  matches(operation: Operation): boolean;
}

// The vendor's /lookupSvc page lists `GET /lookup?...` among the methods of /lookupSvc, and
// the matrix lists `GET /query?type=...` under /querySvc: a whole-resource line covers both.
const ALSO_AT: Record<string, string> = { lookupsvc: "lookup", querysvc: "query" };

const WHOLE = /^(\/\S+) \(all\)$/;
const ONE = /^(GET|POST|PUT|DELETE) (\/[^?\s]+)(?:\?(action|type)=(\w+))?$/;

/** Reads one line of the matrix; a line of any other form is a mistake in our table. */
export function parsePattern(text: string): OperationPattern {
  const whole = WHOLE.exec(text);
  if (whole !== null) return wholeResource(text, splitPath(whole[1]!));

  const one = ONE.exec(text);
  if (one === null) throw new Error(`not an operation of the role matrix: ${text}`);
  const [, method, path, name, value] = one;
  const expected = {
    action: undefined as string | undefined,
    type: undefined as string | undefined,
  };
  if (name !== undefined) expected[name as "action" | "type"] = value!.toLowerCase();
  return oneOperation(text, method!, splitPath(path!), expected);
}

function wholeResource(text: string, prefix: string[]): OperationPattern {
  const alias = ALSO_AT[prefix.join("/")];
  const prefixes = alias === undefined ? [prefix] : [prefix, alias.split("/")];
  return {
    text,
    resources: prefixes.map((p) => p[0]!),
    matches: (op) => prefixes.some((p) => p.every((segment, i) => op.segments[i] === segment)),
  };
}

function oneOperation(
  text: string,
  method: string,
  pattern: string[],
  expected: { action?: string; type?: string },
): OperationPattern {
  return {
    text,
    resources: [pattern[0]!],
    matches: (op) =>
      op.method === method &&
      segmentsMatch(pattern, op.segments) &&
      // An action names the operation: a line without one is the plain method. A line
      // without a type leaves `type` alone, as only the query service reads it.
      op.action === expected.action &&
      (expected.type === undefined || op.type === expected.type),
  };
}

/** `{ID}` stands for one segment, a final `{filepath}` for one or more. */
function segmentsMatch(pattern: string[], segments: readonly string[]): boolean {
  const last = pattern.length - 1;
  if (pattern[last] === "{filepath}") {
    if (segments.length <= last) return false;
  } else if (segments.length !== pattern.length) {
    return false;
  }
  for (let i = 0; i < last; i++) {
    if (pattern[i] !== "{id}" && pattern[i] !== segments[i]) return false;
  }
  return (
    pattern[last] === "{filepath}" || pattern[last] === "{id}" || pattern[last] === segments[last]
  );
}

function splitPath(path: string): string[] {
  return path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => (segment === "{filepath}" ? segment : segment.toLowerCase()));
}

/**
 * The operation a request makes: `target` is the path under `/api/` with its query, as sent.
 * Paths and parameters match case-insensitively, as the router and spec section 11 do.
 * Undefined when `action` or `type` is given twice with different values: which one a
 * handler reads is not ours to guess, so such a request is no operation of the matrix.
 */
export function operationOf(method: string, target: string): Operation | undefined {
  const mark = target.indexOf("?");
  const path = mark === -1 ? target : target.slice(0, mark);
  const query = mark === -1 ? "" : target.slice(mark + 1);

  const segments = path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => decodeSegment(segment).toLowerCase());
  const verb = method.toUpperCase();
  const operation: Operation = { method: verb === "HEAD" ? "GET" : verb, segments };
  if (!MAY_NAME_ACTION_OR_TYPE.test(query)) return operation;

  for (const [key, value] of new URLSearchParams(query)) {
    const name = key.toLowerCase();
    if (name !== "action" && name !== "type") continue;
    const folded = value.toLowerCase();
    if (operation[name] !== undefined && operation[name] !== folded) return undefined;
    operation[name] = folded;
  }
  return operation;
}

// Reading the parameters is most of the cost of a check, and every link of a reply is checked
// (link-access.ts): a query with neither name in it, not even percent-encoded, has neither.
const MAY_NAME_ACTION_OR_TYPE = /action|type|%/i;

// The router decodes the path before it matches (`%6Aobs` reaches /jobs), so this does too.
function decodeSegment(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
