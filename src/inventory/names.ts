/**
 * Words the generator builds a believable site from: server roles, job themes, and the kind
 * of messages a backup product writes when a run goes wrong. All made up for emrest.
 */

import type { JobType } from "./model.js";

const GIB = 1024 ** 3;

/** A kind of VM: its name prefix, the range of its used size, whether its files are indexed. */
export interface VmRole {
  prefix: string;
  minBytes: number;
  maxBytes: number;
  indexed: boolean;
}

function role(prefix: string, minGib: number, maxGib: number, indexed = false): VmRole {
  return { prefix, minBytes: minGib * GIB, maxBytes: maxGib * GIB, indexed };
}

export const VM_ROLES: readonly VmRole[] = [
  role("dc", 40, 90, true),
  role("sql", 150, 1600),
  role("app", 50, 300, true),
  role("web", 30, 120),
  role("fs", 400, 4000, true),
  role("exch", 300, 1800),
  role("erp", 200, 900),
  role("k8s-node", 80, 200),
  role("jump", 40, 80, true),
  role("mon", 60, 250),
  role("print", 40, 70, true),
  role("pki", 40, 60, true),
  role("log", 200, 1200),
  role("git", 100, 600),
  role("crm", 120, 500, true),
  role("rdsh", 80, 300, true),
];

/** What a backup job is named after, and the roles of the VMs it protects. */
export interface JobTheme {
  name: string;
  roles: readonly VmRole[];
}

function theme(name: string, ...prefixes: string[]): JobTheme {
  return { name, roles: prefixes.map((prefix) => VM_ROLES.find((r) => r.prefix === prefix)!) };
}

// A server with few backup jobs uses the first themes, so they are the broad ones: a small
// site backs up its infrastructure and its databases before anything else. A role named
// twice comes twice as often: a site has more domain controllers than PKI servers.
export const JOB_THEMES: readonly JobTheme[] = [
  theme("Infrastructure", "dc", "dc", "jump", "mon", "print", "pki"),
  theme("SQL Servers", "sql"),
  theme("Application Servers", "app", "crm", "erp"),
  theme("File Services", "fs"),
  theme("Exchange", "exch"),
  theme("Web Farm", "web"),
  theme("Remote Desktop", "rdsh"),
  theme("Domain Controllers", "dc"),
  theme("ERP", "erp"),
  theme("Kubernetes Nodes", "k8s-node"),
  theme("Monitoring", "mon", "log"),
  theme("Development", "git"),
];

export const SITES: readonly string[] = ["ams", "fra", "lon", "nyc", "sfo", "sgp", "syd", "tyo"];

export const SERVER_VERSIONS: readonly string[] = ["12.3.2.4465", "12.3.1.1139", "12.2.0.334"];

export const AGENT_VERSIONS: readonly string[] = ["6.3.2.1307", "6.3.3.38", "6.2.0.121"];

export const AGENT_SYSTEMS: readonly string[] = [
  "Microsoft Windows Server 2022 (21H2, 64-bit)",
  "Microsoft Windows Server 2019 (1809, 64-bit)",
  "Red Hat Enterprise Linux 9.6 (Plow)",
  "Ubuntu 22.04.5 LTS",
];

/** Why one VM of a run warned or failed, in words that fit what the job does. */
export interface RunTroubles {
  warnings: readonly string[];
  failures: readonly string[];
}

const BACKUP_TROUBLES: RunTroubles = {
  warnings: [
    "Changed block tracking is off for this VM, so every disk was read in full.",
    "Guest processing could not truncate the database logs; the backup itself is complete.",
    "The snapshot took longer than 10 minutes to remove.",
    "Free space on the target repository is below 10 percent.",
    "A disk of this VM is independent and was skipped.",
  ],
  failures: [
    "Could not create a snapshot: the datastore has too little free space.",
    "Lost the connection to the backup proxy while reading the disk.",
    "The host did not answer within 30 minutes.",
    "Guest credentials were refused, so application-aware processing stopped.",
    "The target repository is out of free space.",
    "The VM was not found in the host's inventory; was it removed or renamed?",
  ],
};

// A copy job reads restore points from a repository, never the VM itself, so nothing about
// snapshots, guests or block tracking can go wrong in it; the link and the points can.
const COPY_TROUBLES: RunTroubles = {
  warnings: [
    "No new restore point of this VM since the last copy interval, so nothing was copied.",
    "The backup job was still writing the newest restore point, so the one before it was copied.",
    "Free space on the target repository is below 10 percent.",
    "The WAN link ran slower than usual, and the copy finished late in its interval.",
  ],
  failures: [
    "The target repository could not be reached.",
    "The source restore point is locked by another task, such as a restore or a merge.",
    "The source restore point is missing from the source repository.",
    "The WAN link to the target site dropped during the copy.",
    "The copy interval ended before this VM's restore point was copied.",
    "The target repository is out of free space.",
  ],
};

// A replica is written to a datastore of the target host, not to a repository.
const REPLICA_TROUBLES: RunTroubles = {
  warnings: [
    "Changed block tracking is off for this VM, so every disk was read in full.",
    "Guest processing could not truncate the database logs; the replica itself is complete.",
    "The snapshot took longer than 10 minutes to remove.",
    "Free space on the target datastore is below 10 percent.",
    "A disk of this VM is independent and was skipped.",
  ],
  failures: [
    "Could not create a snapshot: the datastore has too little free space.",
    "Lost the connection to the target host while writing the replica.",
    "The host did not answer within 30 minutes.",
    "Guest credentials were refused, so application-aware processing stopped.",
    "The target datastore is out of free space.",
    "The VM was not found in the host's inventory; was it removed or renamed?",
  ],
};

/** What can go wrong in a run of a job of this type. */
export function troublesOf(jobType: JobType): RunTroubles {
  if (jobType === "Backup") return BACKUP_TROUBLES;
  return jobType === "Replica" ? REPLICA_TROUBLES : COPY_TROUBLES;
}

/** Why a restore failed. */
export const RESTORE_FAILURES: readonly string[] = [
  "The restore point is locked by a running backup job.",
  "Could not mount the backup file: it is missing from the repository.",
  "Lost the connection to the target host while writing the restored disks.",
  "The target datastore has too little free space for the restored VM.",
  "Guest credentials were refused, so the files could not be restored in place.",
];

export const RESTORE_KINDS: readonly string[] = [
  "FileLevelRestore",
  "FileLevelRestore",
  "FullVMRestore",
  "InstantRecovery",
];

export const RESTORE_OPERATORS: readonly string[] = [
  "Administrator",
  "backup.operator",
  "helpdesk",
];
