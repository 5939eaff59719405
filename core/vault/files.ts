import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import { writeFileAtomic } from './atomicFile';
import { classifyFsError, writeFailure } from './fsErrors';
import { fsStep } from './fsSteps';
import { journalPrefix } from './journal';
import {
  HEADER_FILE,
  holdsVaultFiles,
  journalFile,
  listGenerations,
  snapshotFile,
  STATE_FILE,
} from './layout';
import { readSnapshot, snapshotPieces } from './snapshot';
import { encodeStateFile } from './state';

/** The keys of one vault, each derived from its data key for one purpose. */
export interface VaultKeys {
  header: Buffer;
  snapshot: Buffer;
  journal: Buffer;
  state: Buffer;
}

/**
 * Creates a folder for a new vault or a backup, readable by its owner only, and refuses one
 * that already holds a vault or any part of one: a folder whose header was lost still holds
 * someone's records, and a new vault written over them would bury them. A folder holding other
 * files is refused too: they would seem to belong to the vault, and be copied or deleted with it.
 */
export async function prepareFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new ApiError('FOLDER_NOT_WRITABLE', `Cannot create folder (${classifyFsError(err)})`);
  }
  if (await holdsVaultFiles(folder))
    throw new ApiError('VAULT_EXISTS', 'The folder already holds a vault or part of one');
  if ((await fs.readdir(folder)).length > 0)
    throw new ApiError('FOLDER_NOT_EMPTY', 'The folder holds other files');
}

/**
 * A complete generation: the empty journal first, then the snapshot that makes it current,
 * then the commit state that names it.
 */
export async function writeGeneration(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  generation: bigint,
  image: Uint8Array,
): Promise<void> {
  await writeVaultFile(folder, journalFile(generation), journalPrefix(vaultId, generation));
  await writeVaultFile(
    folder,
    snapshotFile(generation),
    snapshotPieces(keys.snapshot, vaultId, generation, image),
  );
  await writeVaultFile(
    folder,
    STATE_FILE,
    encodeStateFile(keys.state, vaultId, {
      epoch: 1n,
      generation,
      records: 0n,
      previousRecords: 0n,
    }),
  );
}

/** Generations older than `keep` are superseded twice over: the previous one stays as backup. */
export async function removeGenerationsBefore(folder: string, keep: bigint): Promise<void> {
  const { snapshots, journals } = await listGenerations(folder);
  for (const generation of snapshots.filter((g) => g < keep))
    await removeFile(path.join(folder, snapshotFile(generation)));
  for (const generation of journals.filter((g) => g < keep))
    await removeFile(path.join(folder, journalFile(generation)));
}

export async function removeFile(file: string): Promise<void> {
  fsStep('remove', file);
  await fs.rm(file, { force: true });
}

/** Removes what a failed backup wrote, so that a half copy is never taken for a backup. */
export async function removeVaultFiles(folder: string): Promise<void> {
  await fs.rm(path.join(folder, HEADER_FILE), { force: true });
  await fs.rm(path.join(folder, STATE_FILE), { force: true });
  await removeGenerationsBefore(folder, BigInt(Number.MAX_SAFE_INTEGER));
}

/** Keeps a damaged file for inspection under a name no loader reads. */
export async function setAside(folder: string, name: string): Promise<void> {
  const from = path.join(folder, name);
  fsStep('rename', from);
  await fs.rename(from, `${from}.damaged-${Date.now()}`).catch((err: unknown) => {
    if (classifyFsError(err) !== 'ENOENT') throw err;
  });
}

export async function writeVaultFile(
  folder: string,
  name: string,
  data: Uint8Array | Iterable<Uint8Array>,
): Promise<void> {
  try {
    await writeFileAtomic(path.join(folder, name), data);
  } catch (err) {
    throw writeFailure(err, 'Cannot write vault file');
  }
}

/**
 * Reads one vault file. A file that is not there, or a folder where the file should be, is
 * `missing` (the caller says whether that means "no vault" or damage); other failures of the
 * disk are STORAGE_FAILED.
 */
export async function readVaultFile(
  folder: string,
  name: string,
  missing: () => ApiError,
): Promise<Buffer> {
  try {
    return await fs.readFile(path.join(folder, name));
  } catch (err) {
    throw readFailure(err, name, missing);
  }
}

/**
 * Reads and decrypts a snapshot a segment at a time, so the database image is the only
 * full-size buffer. Read failures are classified as `readVaultFile` does.
 */
export async function readSnapshotFile(
  folder: string,
  name: string,
  keys: VaultKeys,
  vaultId: Buffer,
  missing: () => ApiError,
): ReturnType<typeof readSnapshot> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path.join(folder, name), 'r');
  } catch (err) {
    throw readFailure(err, name, missing);
  }
  // One buffer for every segment: the reader is done with a segment before it asks for the next,
  // and a fresh buffer per segment left a whole database's worth of garbage by the end.
  let scratch = Buffer.alloc(0);
  try {
    const { size } = await handle.stat();
    return await readSnapshot(keys.snapshot, vaultId, size, async (offset, length) => {
      if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
      const buffer = scratch;
      try {
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      } catch (err) {
        throw readFailure(err, name, missing);
      }
    });
  } finally {
    await handle.close();
  }
}

function readFailure(err: unknown, name: string, missing: () => ApiError): ApiError {
  if (err instanceof ApiError) return err;
  const kind = classifyFsError(err);
  if (kind === 'ENOENT' || kind === 'ENOTDIR') return missing();
  if (kind === 'EISDIR')
    return new ApiError('VAULT_CORRUPT', `A folder stands where ${name} should be`, {
      file: name,
      repairable: false,
      kind: 'damaged',
    });
  return new ApiError('STORAGE_FAILED', `Cannot read vault file (${kind})`);
}
