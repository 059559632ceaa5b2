import { readFileSync } from "node:fs";
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

/** `emrest version`: one line, `emrest 0.1.0`. */
export function versionCommand(io: CliIo): Command {
  return new Command("version").description("print emrest's version").action(() => {
    io.stdout.write(`emrest ${emrestVersion()}\n`);
  });
}
