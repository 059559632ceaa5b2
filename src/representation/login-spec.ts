/**
 * The `LoginSpec` body a tenant logs on with (spec section 2, cloud_connect_tenant_credentials),
 * in XML or JSON. Ordinary users send no body, or an empty one under any content type.
 */
import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import { Fault } from "../faults/fault.js";

export type LoginSpec =
  | { kind: "tenant"; username: string; password: string }
  | { kind: "vcloud"; organizationName: string; login: string; password: string };

/** A LoginSpec is three short strings; anything much larger is not one. */
export const MAX_LOGIN_SPEC_BYTES = 16 * 1024;
const MAX_DEPTH = 8;

type Members = Record<string, unknown>;
/** XML element names match exactly; JSON member names in any case. */
type Naming = "xml" | "json";

/**
 * Reads a logon body. Empty or whitespace-only gives undefined. Otherwise the first
 * character decides XML or JSON, since clients label empty and JSON bodies as anything.
 * Throws `MalformedBody` naming what is wrong.
 */
export function parseLoginSpec(
  body: Buffer | undefined,
  contentType: string | undefined,
): LoginSpec | undefined {
  if (body === undefined || body.length === 0) return undefined;
  if (body.length > MAX_LOGIN_SPEC_BYTES) {
    throw new Fault("BodyTooLarge", `A LoginSpec may not exceed ${MAX_LOGIN_SPEC_BYTES} bytes.`);
  }

  const text = decodeUtf8(body).trim();
  if (text === "") return undefined;
  if (text.startsWith("<")) return readSpec(parseXml(text), "xml");
  if (text.startsWith("{")) return readSpec(unwrapJson(parseJson(text)), "json");
  const label = contentType ? ` (sent as ${contentType})` : "";
  throw malformed(`The request body${label} is neither an XML nor a JSON LoginSpec.`);
}

/** Messages may name what the body held; a hostile body must not make them huge. */
const MAX_MESSAGE_LENGTH = 300;

function malformed(message: string): Fault {
  const short =
    message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
  return new Fault("MalformedBody", short);
}

function decodeUtf8(body: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(body);
  } catch {
    throw malformed("The request body is not valid UTF-8.");
  }
}

// XML 1.0's five predefined entities and character references, nothing else: a document
// type is refused before parsing, so no declared entity can ever be expanded.
const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const REFERENCE = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][\w.-]*));/g;

function decodeReference(_match: string, hex?: string, decimal?: string, name?: string): string {
  if (name !== undefined) {
    const value = PREDEFINED[name];
    if (value === undefined) throw malformed("The XML body uses an entity XML does not predefine.");
    return value;
  }

  const code = parseInt(hex ?? decimal ?? "", hex !== undefined ? 16 : 10);
  if (!isXmlChar(code)) throw malformed("The XML body refers to a character XML forbids.");
  return String.fromCodePoint(code);
}

// XML 1.0 section 2.2, Char.
function isXmlChar(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code >= 0x20 && code <= 0xd7ff) return true;
  return (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

const xmlEntities: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) => text.replace(REFERENCE, decodeReference),
};

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  entityDecoder: xmlEntities,
  maxNestedTags: MAX_DEPTH,
});

function parseXml(text: string): unknown {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw malformed("The XML body has a document type or entity declaration; these are refused.");
  }

  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // Where, not what: the parser's message quotes the body, which may hold a password.
    const { line, col } = valid.err;
    throw malformed(`The XML body is not well-formed (line ${line}, column ${col}).`);
  }

  try {
    return xmlParser.parse(text);
  } catch (error) {
    if (error instanceof Fault) throw error;
    throw malformed("The XML body could not be read.");
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error, which may hold a password: keep the position only.
    const at = /at position (\d+)/.exec((error as Error).message)?.[1];
    throw malformed(
      `The JSON body is not valid JSON${at === undefined ? "" : ` (at position ${at})`}.`,
    );
  }
}

// Clients send the LoginSpec's members at the root, as EM's JSON mapping does, or
// wrapped in a LoginSpec member.
function unwrapJson(value: unknown): unknown {
  if (!isMembers(value)) return value;
  const keys = Object.keys(value);
  const wrapped = keys.length === 1 && keys[0].toLowerCase() === "loginspec";
  return wrapped ? value : { LoginSpec: value };
}

function isMembers(value: unknown): value is Members {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// XML element names match exactly, as XML and the vendor's serializer have it; JSON member
// names in any case, since EM 13 writes camelCase.
function member(parent: Members, name: string, naming: Naming): unknown {
  const wanted = naming === "xml" ? name : name.toLowerCase();
  const key = Object.keys(parent).find((k) => (naming === "xml" ? k : k.toLowerCase()) === wanted);
  return key === undefined ? undefined : parent[key];
}

function readSpec(document: unknown, naming: Naming): LoginSpec {
  const root = isMembers(document) ? document : {};
  const names = Object.keys(root);
  const spec = member(root, "LoginSpec", naming);
  if (names.length !== 1 || spec === undefined) {
    throw malformed(`The body must be a LoginSpec; found ${names.join(", ") || "nothing"}.`);
  }
  if (Array.isArray(spec)) throw malformed("The body has more than one LoginSpec.");

  return readCredentials(isMembers(spec) ? spec : {}, naming);
}

function readCredentials(spec: Members, naming: Naming): LoginSpec {
  const tenant = member(spec, "TenantCredentials", naming);
  const vcloud = member(spec, "VCloudOrganizationCredentials", naming);
  if (tenant !== undefined && vcloud !== undefined) {
    throw malformed("A LoginSpec holds either TenantCredentials or VCloudOrganizationCredentials.");
  }

  if (tenant !== undefined) {
    const read = fieldReader(tenant, "TenantCredentials", naming);
    return { kind: "tenant", username: read("Username"), password: read("Password") };
  }
  if (vcloud !== undefined) {
    const read = fieldReader(vcloud, "VCloudOrganizationCredentials", naming);
    const organizationName = read("OrganizationName");
    return { kind: "vcloud", organizationName, login: read("Login"), password: read("Password") };
  }
  throw malformed("The LoginSpec has neither TenantCredentials nor VCloudOrganizationCredentials.");
}

// An empty XML element (<Password/>) reads as "": present, and simply wrong at logon.
function fieldReader(section: unknown, name: string, naming: Naming): (field: string) => string {
  if (Array.isArray(section)) throw malformed(`The LoginSpec has more than one ${name}.`);
  const fields = isMembers(section) ? section : {};

  return (field) => {
    const value = member(fields, field, naming);
    if (value === undefined) throw malformed(`${name} has no ${field}.`);
    if (Array.isArray(value)) throw malformed(`${name} has more than one ${field}.`);
    if (typeof value !== "string") throw malformed(`${name}'s ${field} must be a string.`);
    return value;
  };
}
