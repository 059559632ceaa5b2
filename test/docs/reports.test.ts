import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { startInventoryServer, type InventoryServer } from "../helpers/inventory-server.js";

const doc = readFileSync(new URL("../../docs/reports.md", import.meta.url), "utf8");
const FRAMES = ["overview", "vms_overview", "job_statistics", "processed_vms", "repository"];
// Members every frame has, or that hold the figures rather than being one.
const NOT_FIGURES = new Set(["Links", "Href", "Type", "Days", "Periods", "Timestamp"]);

let api: InventoryServer;
before(async () => (api = await startInventoryServer()));
after(() => api.close());

function memberNames(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) memberNames(item, into);
  else if (value !== null && typeof value === "object") {
    for (const [name, member] of Object.entries(value)) {
      into.add(name);
      memberNames(member, into);
    }
  }
  return into;
}

test("docs/reports.md has a section for each frame and says what each figure counts", async () => {
  for (const frame of FRAMES) {
    assert.match(doc, new RegExp(`^## \`${frame}\`$`, "m"), frame);
    const body = await api.json(`reports/summary/${frame}`);
    for (const name of memberNames(body)) {
      if (NOT_FIGURES.has(name) || name.endsWith("ReportLink")) continue;
      assert.ok(doc.includes(`\`${name}\``), `${frame}: ${name} is not in docs/reports.md`);
    }
  }
});
