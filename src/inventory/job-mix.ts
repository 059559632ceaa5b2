import type { JobType } from "./model.js";
import { JOB_THEMES, type JobTheme, type VmRole } from "./names.js";

/** The jobs of one backup server, in order, and which of them (if any) backs up the vApps. */
export interface JobMix {
  types: JobType[];
  /** The index of the vCloud backup job, or -1. */
  vCloudAt: number;
}

// The mix of job types on one server, repeated: mostly backups, a copy, some replicas.
const PATTERN: readonly JobType[] = [
  "Backup",
  "Backup",
  "BackupCopy",
  "Replica",
  "Backup",
  "Backup",
  "Backup",
  "Replica",
];

/** The jobs of each server: `jobs` spread over the servers in turn, the vApps on the first. */
export function jobMixes(counts: { servers: number; jobs: number; withVApps: boolean }): JobMix[] {
  return Array.from({ length: counts.servers }, (_, s) => {
    const count =
      Math.floor(counts.jobs / counts.servers) + (s < counts.jobs % counts.servers ? 1 : 0);
    const types = Array.from({ length: count }, (_, k) => PATTERN[k % PATTERN.length]!);
    return { types, vCloudAt: s === 0 && counts.withVApps ? 1 : -1 };
  });
}

/** The indexes of the backup jobs that share out the server's VMs, one theme each. */
export function themedBackups(mix: JobMix): number[] {
  return mix.types
    .map((type, k) => (type === "Backup" && k !== mix.vCloudAt ? k : -1))
    .filter((k) => k >= 0);
}

/**
 * The theme of the VM at `position` among a server's VMs when `jobs` themed backup jobs share
 * them out in turn; a server without backup jobs still gets VMs of every theme in turn.
 */
export function themeAt(position: number, jobs: number): JobTheme {
  return JOB_THEMES[(position % slotCount(jobs)) % JOB_THEMES.length]!;
}

/** The role of the VM at `position`: its theme's roles in turn, so a job holds a fair mix. */
export function roleAt(position: number, jobs: number): VmRole {
  const { roles } = themeAt(position, jobs);
  return roles[Math.floor(position / slotCount(jobs)) % roles.length]!;
}

function slotCount(jobs: number): number {
  return jobs > 0 ? jobs : JOB_THEMES.length;
}
