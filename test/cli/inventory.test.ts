import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { errorLineOf, REPO, tempDataDir, type CliResult } from "./run-emrest.js";

const EXAMPLE = join(REPO, "docs/inventory-example.yaml");
const GENERATE = ["--servers", "2", "--jobs", "5", "--vms", "20", "--days", "3"];
const NOW = ["--now", "2026-06-15T06:00:00Z"];

interface Shown {
  generation: number;
  counts: Record<string, number>;
}

describe("emrest inventory", () => {
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  before(async () => (data = await tempDataDir()));
  after(() => data.remove());

  async function show(): Promise<Shown> {
    const result = await data.emrest(["inventory", "show", "--json"]);
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Shown;
  }

  function ok(result: CliResult): string {
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
  }

  it("shows generation 0 and no objects on a new store", async () => {
    const shown = await show();
    assert.equal(shown.generation, 0);
    assert.equal(shown.counts.jobs, 0);
  });

  it("generates a site into the store, printing its seed", async () => {
    const out = ok(
      await data.emrest(["inventory", "generate", ...GENERATE, ...NOW, "--seed", "s1"]),
    );
    assert.match(out, /^generated with --seed s1: \d+ objects, inventory generation 1\n$/);
    const shown = await show();
    assert.equal(shown.generation, 1);
    assert.equal(shown.counts.backupServers, 2);
    assert.equal(shown.counts.jobs, 5);
    assert.equal(shown.counts.vms, 20);
    assert.ok(shown.counts.jobSessions! >= 15);
  });

  it("prints the counts as a table", async () => {
    const out = ok(await data.emrest(["inventory", "show"]));
    assert.match(out, /^generation 1, revision \d+\n/);
    assert.match(out, /^jobs +5$/m);
  });

  it("refuses a file with a dangling reference, exits 2 and leaves the store as it was", async () => {
    const before = await show();
    const text = (await readFile(EXAMPLE, "utf8")).replace(
      "repositoryId: 6b3f8a2e-0c1d-4e5f-9a7b-000000000041\n    vmIds",
      "repositoryId: 6b3f8a2e-0c1d-4e5f-9a7b-999999999999\n    vmIds",
    );
    const path = join(data.dir, "dangling.yaml");
    await writeFile(path, text);

    const result = await data.emrest(["inventory", "load", path]);
    assert.equal(result.code, 2);
    assert.equal(
      errorLineOf(result),
      `emrest: ${path}: 1 problem: jobs[0].repositoryId: no repository with id ` +
        "6b3f8a2e-0c1d-4e5f-9a7b-999999999999",
    );
    assert.deepEqual(await show(), before);
  });

  it("refuses a malformed file, saying where, and leaves the store as it was", async () => {
    const before = await show();
    const path = join(data.dir, "broken.json");
    await writeFile(path, '{"jobs": [}');
    const result = await data.emrest(["inventory", "load", path]);
    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /: not valid JSON at line 1, column 11: /);
    assert.deepEqual(await show(), before);
  });

  it("says when the file cannot be read", async () => {
    const result = await data.emrest(["inventory", "load", join(data.dir, "nowhere.yaml")]);
    assert.equal(result.code, 1);
    assert.match(errorLineOf(result), /cannot read .*nowhere\.yaml: ENOENT/);
  });

  it("loads the documented example in place of what was there", async () => {
    const out = ok(await data.emrest(["inventory", "load", EXAMPLE]));
    assert.match(out, /^loaded .*inventory-example\.yaml: \d+ objects, inventory generation 2\n$/);
    const shown = await show();
    assert.equal(shown.counts.jobs, 2);
    assert.equal(shown.counts.backupServers, 1);
    assert.equal(shown.counts.tasks, 0);
  });

  it("writes the same file for the same seed, and load accepts it back", async () => {
    const files = ["a.json", "b.json", "c.yaml"].map((name) => join(data.dir, name));
    for (const file of files) {
      const args = ["inventory", "generate", ...GENERATE, ...NOW, "--seed", "42", "--out", file];
      assert.match(ok(await data.emrest(args)), /^generated with --seed 42: wrote \d+ objects to /);
    }
    assert.equal(await readFile(files[0]!, "utf8"), await readFile(files[1]!, "utf8"));

    ok(await data.emrest(["inventory", "load", files[2]!]));
    assert.equal((await show()).counts.jobs, 5);
  });

  it("refuses generate options it cannot use, naming the option", async () => {
    const result = await data.emrest(["inventory", "generate", "--servers", "0"]);
    assert.equal(result.code, 2);
    assert.match(errorLineOf(result), /--servers must be a whole number from 1 to 1000/);
    const word = await data.emrest(["inventory", "generate", "--jobs", "many"]);
    assert.equal(word.code, 2);
    assert.match(errorLineOf(word), /--jobs must be a whole number/);
  });
});
