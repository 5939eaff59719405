import { promises as fs } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './atomicFile';
import { removeFile, removeGenerationsBefore, writeVaultFile, type VaultKeys } from './files';
import { fsStep } from './fsSteps';
import { journalPrefix } from './journal';
import {
  HEADER_FILE,
  journalFile,
  listGenerations,
  ROTATION_HEADER,
  ROTATION_STATE,
  snapshotFile,
  STATE_FILE,
} from './layout';
import { snapshotPieces } from './snapshot';
import { decodeState, encodeStateFile, ROTATED, type CommitState } from './state';

/**
 * Key rotation moves the whole vault to a new data key: the next generation is written under
 * the new keys beside the current one, with the new header and commit state under staging
 * names, and renaming the new header into place is the moment the rotation happens. Before it,
 * the old header opens the old generations and the staged files are ignored and removed; after
 * it, the new header opens the new generation, and the old key's files are removed.
 */
export async function rotateFiles(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  header: Buffer,
  generation: bigint,
  image: Uint8Array,
): Promise<void> {
  await writeVaultFile(folder, ROTATION_HEADER, header);
  await writeVaultFile(folder, journalFile(generation), journalPrefix(vaultId, generation));
  await writeVaultFile(
    folder,
    snapshotFile(generation),
    snapshotPieces(keys.snapshot, vaultId, generation, image),
  );
  const state = { epoch: 1n, generation, records: 0n, previousRecords: ROTATED };
  await writeVaultFile(folder, ROTATION_STATE, encodeStateFile(keys.state, vaultId, state));
  await renameInFolder(folder, ROTATION_HEADER, HEADER_FILE);
  await settleRotation(folder, state);
}

/** What a reader must know of a rotation cut short, before reading anything else. */
export interface RotationOnDisk {
  /** The new header was never put in place: generations above the commit state are staged. */
  staged: boolean;
  /** The rotation happened but its commit state is still under the staging name. */
  committedState: CommitState | null;
}

export async function rotationOnDisk(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
): Promise<RotationOnDisk> {
  const names = await fs.readdir(folder);
  const staged = names.includes(ROTATION_HEADER);
  if (staged || !names.includes(ROTATION_STATE)) return { staged, committedState: null };
  const file = await fs.readFile(path.join(folder, ROTATION_STATE)).catch(() => null);
  return { staged, committedState: file && decodeState(keys.state, vaultId, file) };
}

/**
 * Run by a writable open after loading: removes what an unfinished rotation staged, or
 * finishes one that happened, so the folder holds one set of keys' files again.
 */
export async function recoverRotation(
  folder: string,
  rotation: RotationOnDisk,
  state: CommitState,
): Promise<void> {
  if (rotation.staged) {
    const { snapshots, journals } = await listGenerations(folder);
    for (const generation of snapshots.filter((g) => g > state.generation))
      await removeFile(path.join(folder, snapshotFile(generation)));
    for (const generation of journals.filter((g) => g > state.generation))
      await removeFile(path.join(folder, journalFile(generation)));
    await removeFile(path.join(folder, ROTATION_STATE));
    await removeFile(path.join(folder, ROTATION_HEADER));
    await syncDirectory(folder);
    return;
  }
  await settleRotation(folder, state);
}

/** After the new header is in place: its commit state takes its name, the old files go. */
async function settleRotation(folder: string, state: CommitState): Promise<void> {
  const names = await fs.readdir(folder);
  if (names.includes(ROTATION_STATE)) await renameInFolder(folder, ROTATION_STATE, STATE_FILE);
  if (state.previousRecords === ROTATED) await removeGenerationsBefore(folder, state.generation);
}

async function renameInFolder(folder: string, from: string, to: string): Promise<void> {
  fsStep('rename', path.join(folder, from));
  await fs.rename(path.join(folder, from), path.join(folder, to));
  await syncDirectory(folder);
}
