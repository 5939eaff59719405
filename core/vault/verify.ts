import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api/errors';
import type { DamageDetails } from '../api/schemas';
import { equalBytes, hmac } from './crypto';
import { readSnapshotFile, readVaultFile, removeVaultFiles, type VaultKeys } from './files';
import { decodeHeader } from './header';
import { decodeJournal } from './journal';
import { HEADER_FILE, journalFile, snapshotFile, STATE_FILE } from './layout';
import { decodeState, ROTATED } from './state';

/**
 * Reads a fresh backup copy back and checks that every file decrypts to what was written;
 * a copy that does not is removed, so a half copy is never taken for a backup.
 */
export async function verifyCopy(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  image: Uint8Array,
): Promise<void> {
  try {
    const { header, body, mac } = decodeHeader(await fs.readFile(path.join(folder, HEADER_FILE)));
    if (!equalBytes(header.vaultId, vaultId) || !equalBytes(hmac(keys.header, body), mac))
      throw new Error('header');
    const missing = () => new ApiError('VAULT_CORRUPT', 'snapshot');
    const snapshot = await readSnapshotFile(folder, snapshotFile(1n), keys, vaultId, missing);
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();
    if (!equalBytes(sha(snapshot.database), sha(image))) throw new Error('snapshot');
    const journal = decodeJournal(
      keys.journal,
      vaultId,
      1n,
      await fs.readFile(path.join(folder, journalFile(1n))),
    );
    if (journal.damage || journal.payloads.length > 0) throw new Error('journal');
    const state = decodeState(
      keys.state,
      vaultId,
      await fs.readFile(path.join(folder, STATE_FILE)),
    );
    if (state?.generation !== 1n) throw new Error('state');
  } catch {
    await removeVaultFiles(folder);
    throw new ApiError('BACKUP_VERIFY_FAILED', 'The copy does not read back as written');
  }
}

/**
 * Checks the previous generation, the vault's own backup, which no unlock reads while the
 * current one is sound: damage there would otherwise go unseen until the day it is needed.
 * Returns what is damaged, missing or shorter than the commit state recorded; an empty list
 * when it is sound or when there is none yet (a new or just repaired vault).
 */
export async function verifyPreviousGeneration(
  folder: string,
  vaultId: Buffer,
  keys: VaultKeys,
  current: bigint,
  previousRecords: bigint,
): Promise<DamageDetails[]> {
  if (previousRecords === ROTATED) return [];
  const previous = current - 1n;
  // Every generation after the first has a previous one, unless a repair or a rotation began
  // the files afresh (a repair writes two generations, so it has one too).
  if (previous < 1n) return [];
  const damage: DamageDetails[] = [];
  const snapshot = snapshotFile(previous);
  const journal = journalFile(previous);
  const missing = () =>
    new ApiError('VAULT_CORRUPT', 'missing', { file: '', repairable: true, kind: 'missing' });
  try {
    const decoded = await readSnapshotFile(folder, snapshot, keys, vaultId, missing);
    if (decoded.generation !== previous) throw new ApiError('VAULT_CORRUPT', 'generation');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    damage.push({ file: snapshot, repairable: true, kind: kindOf(err) });
  }
  try {
    const contents = decodeJournal(
      keys.journal,
      vaultId,
      previous,
      await readVaultFile(folder, journal, missing),
    );
    if (contents.damage)
      damage.push({ file: journal, record: contents.damage.record, repairable: true });
    else if (BigInt(contents.payloads.length) < previousRecords)
      damage.push({
        file: journal,
        record: contents.payloads.length + 1,
        repairable: true,
        kind: 'behind',
      });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    damage.push({ file: journal, repairable: true, kind: kindOf(err) });
  }
  return damage;
}

const kindOf = (err: ApiError): DamageDetails['kind'] => err.details?.kind ?? 'damaged';
