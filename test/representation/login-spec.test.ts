import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Fault } from "../../src/faults/fault.js";
import { MAX_LOGIN_SPEC_BYTES, parseLoginSpec } from "../../src/representation/login-spec.js";

const parse = (body: string | Buffer, contentType?: string) =>
  parseLoginSpec(typeof body === "string" ? Buffer.from(body, "utf8") : body, contentType);

/** Asserts the body is refused as MalformedBody with a message matching `message`. */
function refuses(body: string | Buffer, message: RegExp, fault = "MalformedBody") {
  assert.throws(
    () => parse(body, "application/xml"),
    (error: unknown) => {
      assert.ok(error instanceof Fault, `not a Fault: ${String(error)}`);
      assert.equal(error.fault, fault);
      assert.match(error.message, message);
      return true;
    },
  );
}

const TENANT_XML =
  '<?xml version="1.0" encoding="utf-8"?>\n' +
  '<LoginSpec xmlns="http://www.veeam.com/ent/v1.0" ' +
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
  "  <TenantCredentials>\n    <Username>ABC Company</Username>\n" +
  "    <Password>P@ssw0rd</Password>\n  </TenantCredentials>\n</LoginSpec>";

const VCLOUD_XML =
  '<LoginSpec xmlns="http://www.veeam.com/ent/v1.0"><VCloudOrganizationCredentials>' +
  "<OrganizationName>vCDOrg1</OrganizationName><Login>user01</Login><Password>Qwe123</Password>" +
  "</VCloudOrganizationCredentials></LoginSpec>";

describe("parseLoginSpec: no LoginSpec", () => {
  it("reads a missing, empty or blank body as no LoginSpec, whatever its content type", () => {
    assert.equal(parseLoginSpec(undefined, undefined), undefined);
    for (const type of [
      undefined,
      "application/x-www-form-urlencoded",
      "application/json",
      "text/xml",
    ]) {
      assert.equal(parse("", type), undefined);
      assert.equal(parse(" \r\n\t ", type), undefined);
    }
  });
});

describe("parseLoginSpec: XML", () => {
  it("reads the vendor's tenant example", () => {
    assert.deepEqual(parse(TENANT_XML, "application/xml"), {
      kind: "tenant",
      username: "ABC Company",
      password: "P@ssw0rd",
    });
  });

  it("reads the vendor's vCloud example", () => {
    assert.deepEqual(parse(VCLOUD_XML, "application/xml"), {
      kind: "vcloud",
      organizationName: "vCDOrg1",
      login: "user01",
      password: "Qwe123",
    });
  });

  it("sniffs XML even when the content type says JSON, and skips a byte-order mark", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TENANT_XML)]);
    assert.equal(parse(withBom, "application/json")?.kind, "tenant");
  });

  it("tolerates a namespace prefix", () => {
    const body =
      '<v:LoginSpec xmlns:v="http://www.veeam.com/ent/v1.0"><v:TenantCredentials>' +
      "<v:Username>t</v:Username><v:Password>p</v:Password></v:TenantCredentials></v:LoginSpec>";
    assert.deepEqual(parse(body), { kind: "tenant", username: "t", password: "p" });
  });

  it("decodes the predefined entities and character references, and keeps spaces", () => {
    const body =
      "<LoginSpec><TenantCredentials><Username>A&amp;B &lt;C&gt;</Username>" +
      "<Password> &#x50;&#97;&quot;&apos;:<![CDATA[<x>]]> </Password>" +
      "</TenantCredentials></LoginSpec>";
    assert.deepEqual(parse(body), { kind: "tenant", username: "A&B <C>", password: ` Pa"':<x> ` });
  });

  it("reads an empty Password element as an empty password", () => {
    const body =
      "<LoginSpec><TenantCredentials><Username>t</Username><Password/>" +
      "</TenantCredentials></LoginSpec>";
    assert.deepEqual(parse(body), { kind: "tenant", username: "t", password: "" });
  });

  it("refuses a document type or entity declaration without expanding it", () => {
    refuses('<!DOCTYPE LoginSpec [<!ENTITY x "boom">]><LoginSpec>&x;</LoginSpec>', /document type/);
    refuses('<LoginSpec><!ENTITY x SYSTEM "file:///etc/passwd"></LoginSpec>', /entity declaration/);
    refuses("<!doctype LoginSpec><LoginSpec/>", /document type/);
  });

  it("refuses undeclared entities and references to characters XML forbids", () => {
    const wrap = (user: string) =>
      `<LoginSpec><TenantCredentials><Username>${user}</Username><Password>p</Password>` +
      "</TenantCredentials></LoginSpec>";
    refuses(wrap("&nbsp;"), /an entity XML does not predefine/);
    refuses(wrap("&#0;"), /a character XML forbids/);
    refuses(wrap("&#xD800;"), /a character XML forbids/);
  });

  it("refuses XML that is not well-formed, naming where", () => {
    refuses("<LoginSpec><TenantCredentials>", /not well-formed.*line 1/);
    refuses(
      "<LoginSpec><TenantCredentials><Username>a & b</Username></TenantCredentials></LoginSpec>",
      /not well-formed/,
    );
  });

  it("refuses another root, two roots, and deep nesting", () => {
    refuses(
      "<Credentials><Username>a</Username></Credentials>",
      /must be a LoginSpec; found Credentials/,
    );
    refuses("<LoginSpec/><LoginSpec/>", /more than one LoginSpec/);
    refuses(`<LoginSpec>${"<a>".repeat(50)}${"</a>".repeat(50)}</LoginSpec>`, /could not be read/);
  });

  it("refuses a LoginSpec without usable credentials, naming what is missing", () => {
    refuses("<LoginSpec/>", /neither TenantCredentials nor VCloudOrganizationCredentials/);
    refuses(
      "<LoginSpec><TenantCredentials><Password>p</Password></TenantCredentials></LoginSpec>",
      /TenantCredentials has no Username/,
    );
    refuses(
      "<LoginSpec><TenantCredentials><Username>a</Username><Username>b</Username>" +
        "<Password>p</Password></TenantCredentials></LoginSpec>",
      /more than one Username/,
    );
    refuses(
      "<LoginSpec><TenantCredentials><Username><b>a</b></Username><Password>p</Password>" +
        "</TenantCredentials></LoginSpec>",
      /Username must be a string/,
    );
    refuses(
      VCLOUD_XML.replace("<Login>user01</Login>", ""),
      /VCloudOrganizationCredentials has no Login/,
    );
  });

  it("matches element names exactly, as XML does", () => {
    refuses(
      "<LoginSpec><tenantCredentials><Username>a</Username><Password>p</Password>" +
        "</tenantCredentials></LoginSpec>",
      /neither TenantCredentials/,
    );
  });
});

describe("parseLoginSpec: JSON", () => {
  it("reads TenantCredentials at the root, as EM's JSON mapping writes them", () => {
    const body = '{"TenantCredentials":{"Username":"ABC Company","Password":"p:w"}}';
    assert.deepEqual(parse(body, "application/json"), {
      kind: "tenant",
      username: "ABC Company",
      password: "p:w",
    });
  });

  it("reads a LoginSpec wrapper, camelCase names and a label that lies", () => {
    const body =
      '{"loginSpec":{"vCloudOrganizationCredentials":' +
      '{"organizationName":"o","login":"l","password":"p"}}}';
    assert.deepEqual(parse(body, "application/x-www-form-urlencoded"), {
      kind: "vcloud",
      organizationName: "o",
      login: "l",
      password: "p",
    });
  });

  it("refuses invalid JSON, wrong types and missing members", () => {
    refuses('{"TenantCredentials":', /JSON body is not valid/);
    refuses("{}", /neither TenantCredentials/);
    refuses('{"TenantCredentials":{"Username":"a"}}', /TenantCredentials has no Password/);
    refuses('{"TenantCredentials":{"Username":42,"Password":"p"}}', /Username must be a string/);
    refuses(
      '{"TenantCredentials":[{"Username":"a","Password":"p"}]}',
      /more than one TenantCredentials/,
    );
  });

  it("refuses a body holding both kinds of credentials", () => {
    refuses(
      '{"TenantCredentials":{"Username":"a","Password":"p"},' +
        '"VCloudOrganizationCredentials":{"OrganizationName":"o","Login":"l","Password":"p"}}',
      /either TenantCredentials or VCloudOrganizationCredentials/,
    );
  });
});

describe("parseLoginSpec: neither", () => {
  it("refuses a body that is neither XML nor JSON, naming its content type", () => {
    refuses("Username=a&Password=b", /\(sent as application\/xml\) is neither an XML nor a JSON/);
  });

  it("refuses bytes that are not UTF-8", () => {
    refuses(Buffer.from([0x3c, 0xff, 0xfe, 0x3e]), /not valid UTF-8/);
  });

  it("refuses a body larger than a LoginSpec can be", () => {
    refuses(" ".repeat(MAX_LOGIN_SPEC_BYTES + 1), /may not exceed/, "BodyTooLarge");
  });
});
