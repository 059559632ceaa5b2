/**
 * Walks a logon session's links breadth first, as a client that follows every link it is
 * handed would: each GET target is read in XML and in JSON, the links both carry are queued,
 * and other links are sent with their own method where that is harmless. Lists are cut to
 * a few items each, so a walk stays short while still reaching every kind of resource.
 */
import { send, type Reply } from "./client.js";
import { parseXml } from "./xml.js";

export interface WalkLink {
  rel: string;
  href: string;
}

/** One request the walk made by following a link. */
export interface Followed {
  method: string;
  href: string;
  /** The link's Rel and the resource it was found in, for messages. */
  rel: string;
  from: string;
  representation: "xml" | "json";
  status: number;
}

export interface Walk {
  followed: Followed[];
  /** Each GET target read with 200, and the links its JSON reply carried (`Rel Href`). */
  links: Map<string, Set<string>>;
  /** Targets whose XML and JSON replies carried different links. */
  mismatches: string[];
}

export interface WalkOptions {
  token: string;
  start: WalkLink[];
  /** The LogonSession's own Href: where the walk starts. */
  origin: string;
  /** Send links other than GET (actions, Create, Delete); GET only when false. */
  perform: boolean;
  itemsPerList?: number;
}

/**
 * The method a client uses for a link, as the vendor documents links: Create is POST, Edit
 * PUT, Delete DELETE, an `?action=` is POSTed, everything else is read.
 */
export function methodOf(link: WalkLink): string {
  if (link.rel === "Delete") return "DELETE";
  if (link.rel === "Edit") return "PUT";
  if (link.rel === "Create" || /[?&]action=/i.test(link.href)) return "POST";
  return "GET";
}

// Logging on again and logging off are not links to walk: the first needs credentials, the
// second would end the walk. The caller logs off at the end with its Delete link.
function skipped(link: WalkLink, method: string): boolean {
  const path = new URL(link.href).pathname.toLowerCase();
  return (
    path.includes("/api/sessionmngr") || (method === "DELETE" && /\/logonsessions\//.test(path))
  );
}

export async function walkLinks(options: WalkOptions): Promise<Walk> {
  const walk: Walk = { followed: [], links: new Map(), mismatches: [] };
  const queue = options.start.map((link) => ({ link, from: options.origin }));
  const seen = new Set<string>();
  const limit = options.itemsPerList ?? 3;

  while (queue.length > 0) {
    const { link, from } = queue.shift()!;
    const method = methodOf(link);
    const key = `${method} ${link.href}`;
    if (seen.has(key) || skipped(link, method)) continue;
    seen.add(key);

    if (method !== "GET") {
      if (!options.perform) continue;
      const reply = await call(options.token, method, link.href, "xml");
      walk.followed.push({
        method,
        href: link.href,
        rel: link.rel,
        from,
        representation: "xml",
        status: reply.status,
      });
      continue;
    }

    const found = await read(options.token, link, from, limit, walk);
    for (const next of found) queue.push({ link: next, from: link.href });
  }
  return walk;
}

async function read(token: string, link: WalkLink, from: string, limit: number, walk: Walk) {
  const xml = await call(token, "GET", link.href, "xml");
  const json = await call(token, "GET", link.href, "json");
  for (const [representation, reply] of [
    ["xml", xml],
    ["json", json],
  ] as const) {
    walk.followed.push({
      method: "GET",
      href: link.href,
      rel: link.rel,
      from,
      representation,
      status: reply.status,
    });
  }
  if (xml.status !== 200 || json.status !== 200) return [];

  const fromJson = jsonLinks(JSON.parse(json.body), limit);
  const fromXml = xmlLinks(parseXml(xml.body), limit);
  const names = (links: WalkLink[]) => new Set(links.map((l) => `${l.rel} ${l.href}`));
  const jsonNames = names(fromJson);
  if (!sameSet(jsonNames, names(fromXml))) walk.mismatches.push(link.href);
  walk.links.set(link.href, jsonNames);
  return [...fromJson, ...fromXml];
}

function call(token: string, method: string, href: string, as: "xml" | "json"): Promise<Reply> {
  const accept = as === "json" ? "application/json" : "application/xml";
  return send(href, { method, headers: { "x-restsvcsessionid": token, accept } });
}

/**
 * Every `{Rel, Href}` in a JSON body and every object's own Href; of any other list only the
 * first `limit` items.
 */
export function jsonLinks(body: unknown, limit: number, out: WalkLink[] = []): WalkLink[] {
  if (Array.isArray(body)) {
    const isLinks = body.every(isJsonLink);
    for (const item of isLinks ? body : body.slice(0, limit)) jsonLinks(item, limit, out);
  } else if (isJsonLink(body)) {
    out.push({ rel: body.Rel, href: body.Href });
  } else if (body !== null && typeof body === "object") {
    const href = (body as { Href?: unknown }).Href;
    if (typeof href === "string") out.push({ rel: SELF, href });
    for (const value of Object.values(body)) jsonLinks(value, limit, out);
  }
  return out;
}

/** An object's own `Href` (a reference in a list, an embedded item) is followed like a link. */
const SELF = "Self";

function isJsonLink(value: any): value is { Rel: string; Href: string } {
  return value !== null && typeof value?.Rel === "string" && typeof value?.Href === "string";
}

/**
 * Every `<Link>` in a parsed XML body and every element's own Href; of any other repeated
 * element the first `limit`.
 */
export function xmlLinks(node: unknown, limit: number, out: WalkLink[] = []): WalkLink[] {
  if (node === null || typeof node !== "object") return out;
  const href = (node as { "@Href"?: unknown })["@Href"];
  if (typeof href === "string") out.push({ rel: SELF, href });
  for (const [name, value] of Object.entries(node)) {
    if (name === "Link") {
      for (const link of value as any[]) out.push({ rel: link["@Rel"], href: link["@Href"] });
    } else if (Array.isArray(value)) {
      for (const item of value.slice(0, limit)) xmlLinks(item, limit, out);
    } else {
      xmlLinks(value, limit, out);
    }
  }
  return out;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
