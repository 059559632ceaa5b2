import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Link, LogonSessionModel } from "../../src/representation/representation.js";
import { xmlRepresentation as xml } from "../../src/representation/xml/xml-representation.js";
import {
  element,
  emptyElement,
  escapeAttribute,
  escapeText,
  stripForbidden,
} from "../../src/representation/xml/xml-writer.js";
import { entryPointModel, logonSessionLinks } from "../../src/sessions/link-sets.js";
import { representationContract, type ReadBack } from "./contract.js";

type Node = Record<string, unknown>;

const REPEATED = /(^|\.)(Link|SupportedVersion)$|^LogonSessions\.LogonSession$/;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true, // decodes character references such as &#39;
  isArray: (_name, jPath) => REPEATED.test(String(jPath)),
});

function parse(body: string): Node {
  const valid = XMLValidator.validate(body);
  assert.equal(valid, true, `not well-formed: ${JSON.stringify(valid)}`);
  assert.ok(body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'));
  return parser.parse(body) as Node;
}

function readLinks(node: unknown): Link[] {
  if (node === "") return []; // <Links/>
  return ((node as Node).Link as Node[]).map((l) => ({
    rel: l.Rel as string,
    href: l.Href as string,
    name: (l.Name as string | undefined) ?? null,
    type: (l.Type as string | undefined) ?? null,
  }));
}

function readSession(node: Node): LogonSessionModel {
  assert.equal(node.Type, "LogonSession");
  return {
    href: node.Href as string,
    links: readLinks(node.Links),
    userName: node.UserName as string,
    sessionId: node.SessionId as string,
  };
}

const read: ReadBack = {
  entryPoint(body) {
    const root = parse(body).EnterpriseManager as Node;
    const versions = (root.SupportedVersions as Node).SupportedVersion as Node[];
    return {
      links: readLinks(root.Links),
      supportedVersions: versions.map((v) => ({
        name: v.Name as string,
        links: readLinks(v.Links),
      })),
    };
  },
  logonSession: (body) => readSession(parse(body).LogonSession as Node),
  logonSessions(body) {
    const root = parse(body).LogonSessions as Node | "";
    return root === "" ? [] : ((root.LogonSession as Node[] | undefined) ?? []).map(readSession);
  },
  error(body) {
    const root = parse(body).Error as Node;
    return { message: root.Message as string, statusCode: Number(root.StatusCode) };
  },
};

representationContract("XML", xml, { read, carried: stripForbidden });

const NS =
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.veeam.com/ent/v1.0"';
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
const BASE = "https://em:9398/api/";
const ID = "15a3fc97-0325-4119-b789-5c0367c6c565";

describe("XML representation", () => {
  it("writes the entry point as the vendor's EnterpriseManager document", () => {
    const create = (v: string) =>
      `<Link Href="${BASE}sessionMngr/?v=${v}" Type="LogonSession" Rel="Create"/>`;
    const version = (v: string) =>
      `<SupportedVersion Name="${v}"><Links>${create(v)}</Links></SupportedVersion>`;

    assert.equal(
      xml.entryPoint(entryPointModel(BASE)),
      `${DECLARATION}<EnterpriseManager ${NS}><Links>` +
        `<Link Href="${BASE}logonSessions" Type="LogonSessionList" Rel="Down"/>` +
        create("latest") +
        `</Links><SupportedVersions>${version("v1_5")}${version("v1_6")}${version("v1_7")}` +
        `</SupportedVersions></EnterpriseManager>`,
    );
  });

  it("writes a logon session: Href and Type, then Links, UserName, SessionId", () => {
    const links = logonSessionLinks({
      apiBase: BASE,
      version: "v1_7",
      role: "PortalAdministrator",
      kind: "account",
      sessionId: ID,
    });
    const body = xml.logonSession({
      href: `${BASE}logonSessions/${ID}`,
      links,
      userName: "SRV12\\Administrator",
      sessionId: ID,
    });

    assert.ok(
      body.startsWith(
        `${DECLARATION}<LogonSession Href="${BASE}logonSessions/${ID}" Type="LogonSession" ${NS}>` +
          `<Links><Link Href="${BASE}" Type="EnterpriseManager" Rel="Up"/>`,
      ),
    );
    assert.ok(
      body.includes(
        `<Link Href="${BASE}reports/summary" Name="Summary" Type="Report" Rel="Down"/>`,
      ),
    );
    assert.ok(body.includes(`<Link Href="${BASE}backupServers?action=create" Rel="Create"/>`));
    assert.ok(
      body.endsWith(
        `<Link Href="${BASE}logonSessions/${ID}" Rel="Delete"/></Links>` +
          `<UserName>SRV12\\Administrator</UserName><SessionId>${ID}</SessionId></LogonSession>`,
      ),
    );
  });

  it("declares the namespaces once, on the LogonSessions root", () => {
    const session = { href: `${BASE}logonSessions/${ID}`, links: [], userName: "u", sessionId: ID };
    const body = xml.logonSessions([session, session]);

    assert.ok(body.startsWith(`${DECLARATION}<LogonSessions ${NS}><LogonSession Href=`));
    assert.equal(body.split("xmlns=").length - 1, 1);
    assert.equal(xml.logonSessions([]), `${DECLARATION}<LogonSessions ${NS}/>`);
  });

  it("writes an error with Message and StatusCode, as captured", () => {
    assert.equal(
      xml.error({ message: 'No "such" <session>', statusCode: 404 }),
      `${DECLARATION}<Error Message="No &quot;such&quot; &lt;session&gt;" StatusCode="404" ` +
        'xmlns="http://www.veeam.com/ent/v1.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
    );
  });

  it("writes the documented 9.x LogonSessions example, link for link", () => {
    const fixture = readFileSync("test/fixtures/logonsessions-reference-example.xml", "utf8");
    const id = "372a8d3c-9b3b-479d-9027-ec814e19115e";
    const apiBase = "http://localhost:9399/api/";
    const links = logonSessionLinks({
      apiBase,
      version: "v1_2",
      role: "PortalAdministrator",
      kind: "account",
      sessionId: id,
    });
    const ours = xml.logonSessions([
      {
        href: `${apiBase}logonSessions/${id}`,
        links,
        userName: "SRV36\\Administrator",
        sessionId: id,
      },
    ]);

    const tidy = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      trimValues: true,
    });
    const session = (body: string) => (tidy.parse(body).LogonSessions as Node).LogonSession;
    assert.deepEqual(session(ours), session(fixture));
  });
});

describe("XML writer", () => {
  it("escapes & < > \" ' in attributes, and tab, LF, CR as references", () => {
    assert.equal(escapeAttribute(`a&b<c>"d'e`), "a&amp;b&lt;c&gt;&quot;d&#39;e");
    assert.equal(escapeAttribute("1\t2\n3\r4"), "1&#9;2&#10;3&#13;4");
  });

  it("escapes & < > in text and leaves quotes, tabs and LF alone", () => {
    assert.equal(escapeText(`a&b<c>"d'e\t\n`), `a&amp;b&lt;c&gt;"d'e\t\n`);
    assert.equal(escapeText("a\rb"), "a&#13;b");
  });

  it("strips C0 controls, lone surrogates and U+FFFE/U+FFFF, keeping pairs", () => {
    assert.equal(stripForbidden("a\u0000b\u0007c\u001Fd\t\n\re"), "abcd\t\n\re");
    assert.equal(stripForbidden("x\uD800y\uDC00z\uD83D\uDE00"), "xyz\uD83D\uDE00");
    assert.equal(stripForbidden("\uFFFE\uFFFF\uFFFD"), "\uFFFD");
  });

  it("leaves out null attributes and self-closes empty elements", () => {
    assert.equal(
      emptyElement("Link", [
        ["Href", "h"],
        ["Name", null],
        ["Rel", "Up"],
      ]),
      '<Link Href="h" Rel="Up"/>',
    );
    assert.equal(element("Links", [], ""), "<Links/>");
    assert.equal(element("A", [["b", "1"]], "<C/>"), '<A b="1"><C/></A>');
  });
});
