import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, it } from "node:test";
import { jsonRepresentation as json } from "../../src/representation/json/json-representation.js";
import { xmlRepresentation as xml } from "../../src/representation/xml/xml-representation.js";
import {
  itemList,
  nested,
  repeated,
  type EntityModel,
  type ReferenceModel,
} from "../../src/representation/resource.js";
import { parseXml } from "../helpers/xml.js";

// Decodes character references such as &#39; as any XML reader does.
const reader = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  htmlEntities: true,
});

const BASE = "https://em.example.com:9398/api/";
const ID = "45f138d9-7e5e-4140-bd33-088cc207a0f9";

function session(overrides: Partial<EntityModel> = {}): EntityModel {
  return {
    type: "BackupJobSession",
    href: `${BASE}backupSessions/${ID}?format=Entity`,
    name: "Job 1@2026-06-15 05:34:19",
    uid: `urn:veeam:BackupJobSession:${ID}`,
    links: [
      {
        rel: "Alternate",
        href: `${BASE}backupSessions/${ID}`,
        name: "Job 1",
        type: "BackupJobSessionReference",
      },
      { rel: "Stop", href: `${BASE}backupSessions/${ID}?action=stop`, name: null, type: null },
    ],
    levels: [
      {
        elements: [
          ["JobName", "Job 1"],
          ["EndTimeUTC", null],
          ["Reason", ""],
          ["Progress", 42],
        ],
      },
      { elements: [["IsRetry", false]], attributes: [["VmDisplayName", "vm01"]] },
    ],
    ...overrides,
  };
}

const reference: ReferenceModel = {
  type: "JobReference",
  href: `${BASE}jobs/${ID}`,
  name: "Job 1",
  uid: `urn:veeam:Job:${ID}`,
  links: [
    { rel: "Alternate", href: `${BASE}jobs/${ID}?format=Entity`, name: "Job 1", type: "Job" },
  ],
};

describe("Entities in JSON", () => {
  it("write the derived type's members first, then the base's, then Name, UID, Links, Href, Type", () => {
    const body = JSON.parse(json.entity(session()));
    assert.deepEqual(Object.keys(body), [
      "IsRetry",
      "VmDisplayName",
      "JobName",
      "EndTimeUTC",
      "Reason",
      "Progress",
      "Name",
      "UID",
      "Links",
      "Href",
      "Type",
    ]);
    assert.equal(body.EndTimeUTC, null);
    assert.equal(body.Reason, "");
    assert.equal(body.Progress, 42);
    assert.deepEqual(body.Links[1], {
      Rel: "Stop",
      Href: `${BASE}backupSessions/${ID}?action=stop`,
      Name: null,
      Type: null,
    });
  });

  it("name a list after its entities and carry no byte-order mark", () => {
    const body = json.entities("BackupJobSessions", [session(), session()]);
    assert.notEqual(body.charCodeAt(0), 0xfeff);
    assert.deepEqual(Object.keys(JSON.parse(body)), ["BackupJobSessions"]);
    assert.equal(JSON.parse(body).BackupJobSessions.length, 2);
  });

  it("turn repeated elements into arrays and lists into one plural member", () => {
    const item = {
      elements: [["Name", "vm01"]] as const,
      resource: { href: `${BASE}x`, type: "ObjectInJob", links: null },
    };
    const model = session({
      levels: [
        {
          elements: [
            ["Days", repeated(["Sunday", "Monday"])],
            [
              "Options",
              nested({ elements: [["Kind", "Everyday"]], attributes: [["Enabled", true]] }),
            ],
            ["Includes", itemList("ObjectInJob", "ObjectInJobs", [item])],
          ],
        },
      ],
    });
    const body = JSON.parse(json.entity(model));
    assert.deepEqual(body.Days, ["Sunday", "Monday"]);
    assert.deepEqual(body.Options, { Kind: "Everyday", Enabled: true });
    assert.deepEqual(body.Includes, {
      ObjectInJobs: [{ Name: "vm01", Links: null, Href: `${BASE}x`, Type: "ObjectInJob" }],
    });
  });
});

describe("Entities in XML", () => {
  it("put Href, Type, Name, UID and own attributes on the root, then Links, then the base's members", () => {
    const body = xml.entity(session());
    assert.equal(XMLValidator.validate(body), true);
    assert.match(
      body,
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<BackupJobSession Href="[^"]+" Type="BackupJobSession" Name="Job 1@2026-06-15 05:34:19" UID="urn:veeam:BackupJobSession:[^"]+" VmDisplayName="vm01" xmlns:xsd=/,
    );
    assert.match(
      body,
      /<\/Links><JobName>Job 1<\/JobName><Reason\/><Progress>42<\/Progress><IsRetry>false<\/IsRetry><\/BackupJobSession>$/,
    );
  });

  it("leave null members out and write links without absent attributes", () => {
    const body = xml.entity(session());
    assert.doesNotMatch(body, /EndTimeUTC/);
    assert.match(body, /<Link Href="[^"]+\?action=stop" Rel="Stop"\/>/);
  });

  it("repeat simple elements, nest objects and wrap list items", () => {
    const item = {
      elements: [["Name", "vm01"]] as const,
      resource: { href: `${BASE}x`, type: "ObjectInJob", links: null },
    };
    const body = xml.entity(
      session({
        levels: [
          {
            elements: [
              ["Days", repeated(["Sunday", "Monday"])],
              [
                "Options",
                nested({ elements: [["Kind", "Everyday"]], attributes: [["Enabled", true]] }),
              ],
              ["Includes", itemList("ObjectInJob", "ObjectInJobs", [item])],
            ],
          },
        ],
      }),
    );
    assert.match(
      body,
      /<Days>Sunday<\/Days><Days>Monday<\/Days><Options Enabled="true"><Kind>Everyday<\/Kind><\/Options><Includes><ObjectInJob Href="https:\/\/em.example.com:9398\/api\/x" Type="ObjectInJob"><Name>vm01<\/Name><\/ObjectInJob><\/Includes>/,
    );
  });

  it("name a list after its entities, without namespaces on the items", () => {
    const body = xml.entities("BackupJobSessions", [session()]);
    assert.match(
      body,
      /^<\?xml[^>]+>\n<BackupJobSessions xmlns:xsd="[^"]+" xmlns:xsi="[^"]+" xmlns="http:\/\/www.veeam.com\/ent\/v1.0"><BackupJobSession Href=/,
    );
    assert.equal(
      parseXml(body).BackupJobSessions.BackupJobSession["@Name"],
      "Job 1@2026-06-15 05:34:19",
    );
  });
});

describe("References", () => {
  it("write Links, UID, Name, Href, Type in JSON, in a Refs list", () => {
    const body = JSON.parse(json.references([reference]));
    assert.deepEqual(Object.keys(body), ["Refs"]);
    assert.deepEqual(Object.keys(body.Refs[0]), ["Links", "UID", "Name", "Href", "Type"]);
    assert.deepEqual(Object.keys(JSON.parse(json.reference(reference))), [
      "Links",
      "UID",
      "Name",
      "Href",
      "Type",
    ]);
  });

  it("write Ref elements with UID, Name, Href, Type in EntityReferences, and EntityRef alone", () => {
    const list = xml.references([reference]);
    assert.match(
      list,
      /<EntityReferences xmlns:xsd="[^"]+" xmlns:xsi="[^"]+" xmlns="[^"]+"><Ref UID="urn:veeam:Job:[^"]+" Name="Job 1" Href="[^"]+" Type="JobReference"><Links><Link [^>]+\/><\/Links><\/Ref><\/EntityReferences>$/,
    );
    const one = xml.reference(reference);
    assert.match(
      one,
      /\n<EntityRef UID="[^"]+" Name="Job 1" Href="[^"]+" Type="JobReference" xmlns:xsd=/,
    );
    assert.match(xml.references([]), /<EntityReferences [^>]+\/>$/);
    assert.equal(json.references([]), '{"Refs":[]}');
  });
});

describe("Hostile text in resources", () => {
  const hostile = `a&b<c>"d'e\u0001`;
  const model = session({
    name: hostile,
    levels: [{ elements: [["JobName", hostile]], attributes: [["VmDisplayName", hostile]] }],
  });

  it("is escaped in XML, and characters XML cannot carry are dropped", () => {
    const body = xml.entity(model);
    assert.equal(XMLValidator.validate(body), true);
    const root = reader.parse(body).BackupJobSession;
    assert.equal(root["@Name"], `a&b<c>"d'e`);
    assert.equal(root["@VmDisplayName"], `a&b<c>"d'e`);
    assert.equal(root.JobName, `a&b<c>"d'e`);
  });

  it("round-trips through JSON", () => {
    const body = JSON.parse(json.entity(model));
    assert.equal(body.JobName, hostile);
    assert.equal(body.Name, hostile);
  });
});
