import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assertSameShape, camelName } from "./capture-shape.js";

const link = (Rel: string, Type: string | null, Name: string | null = null) => ({
  Rel,
  Href: "https://em.example.com:9398/api/jobs/1",
  Name,
  Type,
});

const captured = {
  UID: "urn:veeam:Job:1",
  CreationTimeUTC: "2026-06-15T05:50:44.62Z",
  Progress: 100,
  FailureMessage: null,
  Links: [link("Up", "BackupServerReference", "host"), link("Start", null)],
};

/** The same capture as EM 13 writes it. */
const camel = {
  uid: "urn:veeam:Job:1",
  creationTimeUTC: "2026-06-15T05:50:44.62Z",
  progress: 100,
  failureMessage: null,
  links: captured.Links.map(({ Rel, Href, Name, Type }) => ({
    rel: Rel,
    href: Href,
    name: Name,
    type: Type,
  })),
};

/** The captured object with some members replaced, in the same key order. */
const served = (changes: Record<string, unknown> = {}) => ({ ...captured, ...changes });

describe("assertSameShape", () => {
  it("accepts other values of the same shape", () => {
    assertSameShape(
      served({ UID: "urn:veeam:Job:2", CreationTimeUTC: "2026-01-01T00:00:00Z", Progress: 7 }),
      captured,
    );
  });

  it("refuses other keys or the same keys in another order", () => {
    const { Progress, ...rest } = captured;
    assert.throws(() => assertSameShape(rest, captured), /keys/);
    assert.throws(() => assertSameShape({ Progress, ...rest }, captured), /keys/);
    assert.throws(() => assertSameShape(served({ Extra: 1 }), captured), /keys/);
  });

  it("refuses a value where the capture has null, and null where it has a value", () => {
    assert.throws(() => assertSameShape(served({ FailureMessage: "" }), captured), /null/);
    assert.throws(() => assertSameShape(served({ Progress: null }), captured), /not null/);
  });

  it("refuses a string for a number and a fraction for an integer", () => {
    assert.throws(() => assertSameShape(served({ Progress: "100" }), captured), /type/);
    assert.throws(() => assertSameShape(served({ Progress: 49.5 }), captured), /integer/);
  });

  it("refuses a timestamp or a URN of another form", () => {
    const local = "2026-06-15 05:50:44";
    assert.throws(() => assertSameShape(served({ CreationTimeUTC: local }), captured), /UTC/);
    assert.throws(() => assertSameShape(served({ UID: "urn:veeam:Backup:1" }), captured), /urn/);
  });

  it("refuses links of another Rel, Type, order or naming", () => {
    const [up, start] = captured.Links;
    for (const Links of [
      [start, up],
      [up],
      [up, link("Stop", null)],
      [up, link("Start", "JobReference")],
      [link("Up", "BackupServerReference"), start],
      [{ Href: up.Href, Rel: up.Rel, Name: up.Name, Type: up.Type }, start],
    ]) {
      assert.throws(() => assertSameShape(served({ Links }), captured), /Links/);
    }
  });

  it("refuses an empty list where the capture has items", () => {
    assert.throws(() => assertSameShape({ Jobs: [] }, { Jobs: [captured] }), /empty/);
  });

  it("compares with an EM 13 capture as EM 13 spells the keys", () => {
    assertSameShape(served(), camel, { casing: "camel" });
    assert.throws(() => assertSameShape(served(), camel), /keys/);
    assert.throws(() => assertSameShape(served({ Progress: 1.5 }), camel, { casing: "camel" }));
  });

  it("compares a reply served in camelCase with an EM 13 capture key for key, as spelled", () => {
    const servedCamel = (changes: Record<string, unknown> = {}) => ({ ...camel, ...changes });
    const options = { casing: "camel", served: "camel" } as const;

    assertSameShape(servedCamel({ progress: 7 }), camel, options);
    const upperUid = Object.fromEntries(
      Object.entries(camel).map(([key, value]) => [key === "uid" ? "UID" : key, value]),
    );
    assert.throws(() => assertSameShape(upperUid, camel, options), /keys/);
    assert.throws(() => assertSameShape(served(), camel, options), /keys/);
    const [up, start] = camel.links;
    const links = [{ ...up, type: "JobReference" }, start];
    assert.throws(() => assertSameShape(servedCamel({ links }), camel, options), /links/);
  });

  it("spells names as Json.NET's camelCase does", () => {
    assert.deepEqual(
      ["UID", "VAppRestorePoints", "VmUid", "CreationTimeUTC", "Href", "IsRetry"].map(camelName),
      ["uid", "vAppRestorePoints", "vmUid", "creationTimeUTC", "href", "isRetry"],
    );
  });
});
