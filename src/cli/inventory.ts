import { randomBytes } from "node:crypto";
import { Command } from "commander";
import { inventoryRecords } from "../inventory/apply-records.js";
import {
  GenerateOptionsInvalid,
  generateInventory,
  type GenerateOptions,
} from "../inventory/generate.js";
import { readInventoryFile, writeInventoryFile } from "../inventory/inventory-file.js";
import { INVENTORY_KINDS, type Inventory } from "../inventory/model.js";
import { InventoryFileMalformed } from "../inventory/parse-inventory-file.js";
import { InventoryInvalid } from "../inventory/problems.js";
import type { Store } from "../store/store.js";
import { addStoreOptions, withStore, type StoreFlags } from "./cli-store.js";
import { CommandFailed, UsageError } from "./errors.js";
import type { CliIo } from "./io.js";
import { withDefault } from "./option-help.js";
import { printJson, printTable } from "./print.js";

/** The options of `inventory generate`, as commander hands them over (text). */
interface GenerateFlags extends StoreFlags {
  servers?: string;
  jobs?: string;
  vms?: string;
  days?: string;
  seed?: string;
  now?: string;
  out?: string;
}

/** The site `inventory generate` makes unless told otherwise: a few weeks of a mid-sized shop. */
const GENERATE_DEFAULTS = { servers: "3", jobs: "40", vms: "400", days: "30" };

/** `emrest inventory …`: the backup inventory the server serves (docs/inventory.md). */
export function inventoryCommand(io: CliIo): Command {
  const inventory = new Command("inventory").description("load, generate or show the inventory");
  const leaf = (name: string) => addStoreOptions(inventory.command(name));

  leaf("load")
    .description("replace the store's inventory with a JSON or YAML file, if it is valid")
    .argument("<file>", "the inventory file (docs/inventory.md)")
    .action((file: string, flags: StoreFlags) => load(io, file, flags));

  leaf("generate")
    .description("replace the store's inventory (or write --out) with a generated site")
    .option("--servers <n>", withDefault("backup servers", GENERATE_DEFAULTS.servers))
    .option("--jobs <n>", withDefault("jobs, spread over the servers", GENERATE_DEFAULTS.jobs))
    .option("--vms <n>", withDefault("VMs, spread over the servers", GENERATE_DEFAULTS.vms))
    .option(
      "--days <n>",
      withDefault("days of history, one run per job a day", GENERATE_DEFAULTS.days),
    )
    .option("--seed <text>", withDefault("the same seed and --now give the same site", "random"))
    .option("--now <time>", withDefault("when the history ends, ISO 8601", "now"))
    .option("--out <file>", "write a JSON (or .yaml/.yml) file instead of the store")
    .action((flags: GenerateFlags) => generate(io, flags));

  leaf("show")
    .description("count the stored inventory's objects per collection")
    .option("--json", "print JSON for scripts")
    .action((flags: StoreFlags & { json?: boolean }) => show(io, flags));

  return inventory;
}

async function load(io: CliIo, file: string, flags: StoreFlags): Promise<void> {
  // Checked in full before the store is opened: a bad file leaves the store as it was.
  const inventory = await readOrExplain(file);
  await withStore(flags, io, (store) => replace(io, store, inventory, `loaded ${file}`));
}

async function readOrExplain(file: string): Promise<Inventory> {
  try {
    return await readInventoryFile(file);
  } catch (error) {
    if (error instanceof InventoryInvalid || error instanceof InventoryFileMalformed) {
      throw new UsageError(`${file}: ${error.message}`);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined) throw new CommandFailed(`cannot read ${file}: ${code}`);
    throw error;
  }
}

async function generate(io: CliIo, flags: GenerateFlags): Promise<void> {
  const options = generateOptions(flags);
  let inventory: Inventory;
  try {
    inventory = generateInventory(options);
  } catch (error) {
    if (error instanceof GenerateOptionsInvalid) throw new UsageError(error.message);
    throw error;
  }

  const what = `generated with --seed ${options.seed}`;
  if (flags.out === undefined) {
    await withStore(flags, io, (store) => replace(io, store, inventory, what));
    return;
  }
  await writeInventoryFile(flags.out, inventory);
  io.stdout.write(`${what}: wrote ${countOf(inventory)} objects to ${flags.out}\n`);
}

function generateOptions(flags: GenerateFlags): GenerateOptions {
  const whole = (value: string | undefined, flag: keyof typeof GENERATE_DEFAULTS): number => {
    value ??= GENERATE_DEFAULTS[flag];
    if (!/^\d{1,9}$/.test(value)) throw new UsageError(`--${flag} must be a whole number`);
    return Number(value);
  };
  const now = flags.now === undefined ? Date.now() : Date.parse(flags.now);
  if (!Number.isFinite(now) || now < 0) {
    throw new UsageError(`--now must be a time such as 2026-06-15T06:00:00Z`);
  }
  return {
    servers: whole(flags.servers, "servers"),
    jobs: whole(flags.jobs, "jobs"),
    vms: whole(flags.vms, "vms"),
    days: whole(flags.days, "days"),
    // A random seed is printed, so the same site can be made again.
    seed: flags.seed ?? randomBytes(6).toString("hex"),
    now,
  };
}

async function replace(io: CliIo, store: Store, inventory: Inventory, what: string) {
  const { generation } = await store.replaceInventory(inventoryRecords(inventory));
  io.stdout.write(`${what}: ${countOf(inventory)} objects, inventory generation ${generation}\n`);
}

function countOf(inventory: Inventory): number {
  return INVENTORY_KINDS.reduce((sum, kind) => sum + inventory[kind].length, 0);
}

async function show(io: CliIo, flags: StoreFlags & { json?: boolean }): Promise<void> {
  const read = await withStore(flags, io, (store) =>
    store.readInventory({ generation: 0, revision: 0 }),
  );
  const counts = Object.fromEntries(INVENTORY_KINDS.map((kind) => [kind, 0]));
  for (const record of read.records) counts[record.kind] = (counts[record.kind] ?? 0) + 1;

  if (flags.json) {
    printJson(io, { generation: read.generation, revision: read.revision, counts });
    return;
  }
  io.stdout.write(`generation ${read.generation}, revision ${read.revision}\n`);
  printTable(
    io,
    Object.entries(counts).map(([kind, count]) => [kind, String(count)]),
  );
}
