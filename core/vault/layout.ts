import { promises as fs } from 'node:fs';

/**
 * File names in a vault folder. Snapshot and journal names carry their generation, so a
 * compaction never renames a live file: it writes the next generation beside the current one.
 */
export const HEADER_FILE = 'vault.vgh';
/** The authenticated record of the newest generation and its durable records (state.ts). */
export const STATE_FILE = 'vault.vgc';
/** A key rotation's new header and commit state, before they take their places (rotate.ts). */
export const ROTATION_HEADER = 'vault.vgh.next';
export const ROTATION_STATE = 'vault.vgc.next';
/** Present while a process has the vault open for writing (lock.ts). */
export const LOCK_FILE = 'vault.lock';

const pad = (generation: bigint) => generation.toString().padStart(10, '0');

export const snapshotFile = (generation: bigint) => `snapshot-${pad(generation)}.vgs`;
export const journalFile = (generation: bigint) => `journal-${pad(generation)}.vgj`;

const GENERATION_FILE = /^(snapshot|journal)-(\d{10})\.(vgs|vgj)$/;

export interface Generations {
  /** Generations with a snapshot file, newest first. */
  snapshots: bigint[];
  /** Generations with a journal file, oldest first. */
  journals: bigint[];
}

/** Whether a folder holds any file of a vault (the lock aside, which a crash can leave behind). */
export async function holdsVaultFiles(folder: string): Promise<boolean> {
  const names = await fs.readdir(folder).catch(() => []);
  return names.some(
    (name) => name === HEADER_FILE || name === STATE_FILE || GENERATION_FILE.test(name),
  );
}

export async function listGenerations(folder: string): Promise<Generations> {
  const snapshots: bigint[] = [];
  const journals: bigint[] = [];
  for (const name of await fs.readdir(folder)) {
    const match = GENERATION_FILE.exec(name);
    if (!match) continue;
    (match[1] === 'snapshot' ? snapshots : journals).push(BigInt(match[2]!));
  }
  snapshots.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  journals.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { snapshots, journals };
}
