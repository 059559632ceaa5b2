import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import type { CliIo } from "./io.js";

/**
 * The version in emrest's package.json. Looked for upwards from this file, so it is found
 * both from `src/cli/` under tsx and from a build in `dist/src/cli/`.
 */
export function emrestVersion(): string {
  for (const up of ["../../", "../../../"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, import.meta.url), "utf8"));
      if (pkg.name === "emrest" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // Not there (or not ours): look one folder further up.
    }
  }
  return "unknown";
}

/** The commit emrest runs from, when it runs from a git checkout; undefined otherwise. */
export function emrestCommit(): string | undefined {
  try {
    const dir = fileURLToPath(new URL(".", import.meta.url));
    const commit = execFileSync("git", ["-C", dir, "rev-parse", "--short=12", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 2_000,
    }).trim();
    return /^[0-9a-f]{7,40}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}

/** `emrest version`: one line, `emrest 0.1.0 (commit 0123456789ab)`. */
export function versionCommand(io: CliIo): Command {
  return new Command("version").description("print emrest's version and build").action(() => {
    const commit = emrestCommit();
    io.stdout.write(`emrest ${emrestVersion()}${commit ? ` (commit ${commit})` : ""}\n`);
  });
}
