import type { Inventory, Repository } from "./model.js";
import type { Random } from "./random.js";

const GIB = 1024 ** 3;
const TIB = 1024 ** 4;

/**
 * Gives each repository of known capacity a size that fits what the history left in it: its
 * backup files (counted as the repository report counts them, every file of every backup
 * kept there) plus some other files, filling 40–80 % of the disk. A repository that holds
 * no backup is a spare disk of a few terabytes, nearly empty. Object storage stays unknown.
 */
export function sizeRepositories(inventory: Inventory, random: Random): void {
  const held = backupBytesByRepository(inventory);
  for (const repository of inventory.repositories) {
    if (repository.capacity < 0) continue;
    const backups = held.get(repository.id) ?? 0;
    Object.assign(repository, backups > 0 ? filled(backups, random) : spare(random));
  }
}

function backupBytesByRepository(inventory: Inventory): Map<string, number> {
  const repositoryOf = new Map(inventory.backups.map((b) => [b.id, b.repositoryId]));
  const bytes = new Map<string, number>();
  for (const file of inventory.backupFiles) {
    const repositoryId = repositoryOf.get(file.backupId);
    if (repositoryId === undefined) continue;
    bytes.set(repositoryId, (bytes.get(repositoryId) ?? 0) + file.backupSize);
  }
  return bytes;
}

type Size = Pick<Repository, "capacity" | "freeSpace">;

// Beside the backup files a repository keeps their metadata, configuration backups and logs.
function filled(backups: number, random: Random): Size {
  const used = Math.round(backups * random.between(1.01, 1.1) + random.between(5, 40) * GIB);
  const capacity = Math.round(used / random.between(0.4, 0.8));
  return { capacity, freeSpace: capacity - used };
}

function spare(random: Random): Size {
  const capacity = Math.round(random.between(1, 4) * TIB);
  return { capacity, freeSpace: capacity - Math.round(random.between(1, 20) * GIB) };
}
