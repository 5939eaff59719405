import { ApiError } from '../api/errors';
import { MIN_PASSPHRASE_LENGTH } from '../api/schemas';
import { kdfWithinBounds, randomKey, subkey, type KdfParams } from './crypto';
import { readVaultFile, type VaultKeys } from './files';
import { encodeHeader, FORMAT_VERSION, makeSlot, unlockHeader } from './header';
import { HEADER_FILE, holdsVaultFiles } from './layout';
import { newRecoveryKey, type Secret } from './secret';

export function deriveKeys(dataKey: Buffer, vaultId: Buffer): VaultKeys {
  return {
    header: subkey(dataKey, vaultId, 'header'),
    snapshot: subkey(dataKey, vaultId, 'snapshot'),
    journal: subkey(dataKey, vaultId, 'journal'),
    state: subkey(dataKey, vaultId, 'state'),
  };
}

/** A new data key with its header (a passphrase slot and a recovery slot) and derived keys. */
export async function newKeySet(
  vaultId: Buffer,
  passphrase: string,
  kdf: KdfParams,
): Promise<{ header: Buffer; keys: VaultKeys; recoveryKey: string }> {
  const dataKey = randomKey();
  const recovery = newRecoveryKey();
  try {
    const slots = [
      await makeSlot(vaultId, dataKey, { passphrase }, kdf),
      await makeSlot(vaultId, dataKey, { recoveryKey: recovery.words }, kdf),
    ];
    const header = encodeHeader({ version: FORMAT_VERSION, vaultId, slots }, dataKey);
    return { header, keys: deriveKeys(dataKey, vaultId), recoveryKey: recovery.words };
  } finally {
    recovery.entropy.fill(0);
    dataKey.fill(0);
  }
}

export function checkKdf(kdf: KdfParams): void {
  if (!kdfWithinBounds(kdf)) throw new ApiError('INVALID_INPUT', 'KDF cost out of bounds');
}

export const headerMissing = () => new ApiError('VAULT_CORRUPT', 'Vault header missing');

/** The core's own floor, whatever the interface checks: a short passphrase is guessed offline. */
export function checkNewPassphrase(passphrase: string): void {
  if (passphrase.length === 0) throw new ApiError('EMPTY_PASSPHRASE', 'Empty passphrase');
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    throw new ApiError('PASSPHRASE_TOO_SHORT', 'Passphrase below the minimum length');
}

export async function unlockFolder(
  folder: string,
  secret: Secret,
): Promise<{ vaultId: Buffer; keys: VaultKeys }> {
  if ('passphrase' in secret && secret.passphrase.length === 0) {
    throw new ApiError('EMPTY_PASSPHRASE', 'Empty passphrase');
  }
  const headerFile = await readVaultFile(
    folder,
    HEADER_FILE,
    () => new ApiError('VAULT_NOT_FOUND', 'No vault header'),
  ).catch(async (err: unknown) => {
    // Without its header a folder of vault files is a vault that lost its keys, not no vault.
    if (
      err instanceof ApiError &&
      err.code === 'VAULT_NOT_FOUND' &&
      (await holdsVaultFiles(folder))
    )
      throw new ApiError('VAULT_CORRUPT', 'Vault header missing', {
        file: HEADER_FILE,
        repairable: false,
        kind: 'missing',
      });
    throw err;
  });
  const { header, dataKey } = await unlockHeader(headerFile, secret);
  const keys = deriveKeys(dataKey, header.vaultId);
  dataKey.fill(0);
  return { vaultId: header.vaultId, keys };
}
