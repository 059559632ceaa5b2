import { Command } from "commander";
import { hashPassword } from "../sessions/credentials.js";
import { AlreadyExists } from "../store/store.js";
import { checkTenantName, findTenantOrFail } from "./account-lookup.js";
import { addStoreOptions, withStore, type StoreFlags } from "./cli-store.js";
import { CommandFailed } from "./errors.js";
import type { CliIo } from "./io.js";
import { isoTime, printJson, printTable } from "./print.js";
import { readPassword } from "./read-password.js";

/** `emrest tenants …`: Cloud Connect tenants, which log on with a `LoginSpec` body. */
export function tenantsCommand(io: CliIo): Command {
  const tenants = new Command("tenants").description("manage Cloud Connect tenants");
  const leaf = (name: string) => addStoreOptions(tenants.command(name));

  leaf("add")
    .description("add a tenant; its password is read from stdin")
    .argument("<name>", "the tenant name, as sent in TenantCredentials/Username")
    .action((name: string, flags: StoreFlags) => addTenant(io, name, flags));

  leaf("list")
    .description("list the tenants: name, created")
    .option("--json", "print JSON for scripts")
    .action((flags: StoreFlags & { json?: boolean }) => listTenants(io, flags));

  leaf("remove")
    .description("remove a tenant and end its sessions")
    .argument("<name>", "the tenant name")
    .action((name: string, flags: StoreFlags) => removeTenant(io, name, flags));

  leaf("set-password")
    .description("set a tenant's password, read from stdin")
    .argument("<name>", "the tenant name")
    .action((name: string, flags: StoreFlags) => setPassword(io, name, flags));

  return tenants;
}

async function addTenant(io: CliIo, raw: string, flags: StoreFlags) {
  const name = checkTenantName(raw);
  await withStore(flags, io, async (store) => {
    const passwordHash = await hashPassword(await readPassword(io));
    try {
      await store.addTenant({ name, passwordHash });
    } catch (error) {
      if (!(error instanceof AlreadyExists)) throw error;
      throw new CommandFailed(`a tenant "${name}" already exists`);
    }
    io.stdout.write(`added tenant "${name}"\n`);
  });
}

async function listTenants(io: CliIo, flags: StoreFlags & { json?: boolean }) {
  const tenants = await withStore(flags, io, (store) => store.listTenants());
  if (flags.json) {
    printJson(
      io,
      tenants.map((t) => ({ name: t.name, created: isoTime(t.createdAt) })),
    );
  } else {
    printTable(
      io,
      tenants.map((t) => [t.name, isoTime(t.createdAt)]),
    );
  }
}

async function removeTenant(io: CliIo, raw: string, flags: StoreFlags) {
  await withStore(flags, io, async (store) => {
    const tenant = await findTenantOrFail(store, raw);
    await store.removeTenant(tenant.id);
    io.stdout.write(`removed tenant "${tenant.name}"\n`);
  });
}

async function setPassword(io: CliIo, raw: string, flags: StoreFlags) {
  await withStore(flags, io, async (store) => {
    const tenant = await findTenantOrFail(store, raw);
    const passwordHash = await hashPassword(await readPassword(io));
    await store.setTenantPassword(tenant.id, passwordHash);
    io.stdout.write(`set the password of tenant "${tenant.name}"\n`);
  });
}
