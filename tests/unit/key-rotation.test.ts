import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_FILE, journalFile, snapshotFile, STATE_FILE } from '../../core/vault/layout';
import { Vault } from '../../core/vault/vault';
import { coreWithVault } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';
import { newId, personSet, TEST_KDF } from '../helpers/vault';

const OLD = 'the old rotation passphrase';
const NEW = 'the new rotation passphrase';
const tempDir = useTempDirs();

async function openCode(folder: string, secret: Parameters<typeof Vault.open>[1]) {
  return Vault.open(folder, secret).then(
    async (vault) => {
      const count = vault.db.exec('SELECT count(*) FROM persons')[0]!.values[0]![0];
      await vault.close();
      return `opened ${String(count)}`;
    },
    (err: { code?: string }) => err.code,
  );
}

describe('changing the passphrase with new keys', () => {
  it('writes the vault under a new key that the old header, passphrase and recovery key do not open', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault, recoveryKey: oldRecovery } = await Vault.create(folder, OLD, TEST_KDF);
    await vault.commit(personSet(newId(), { name: 'A' }));
    const oldHeader = path.join(tempDir(), 'old-header.vgh');
    copyFileSync(path.join(folder, HEADER_FILE), oldHeader);

    const { recoveryKey } = await vault.changePassphrase({ passphrase: OLD }, NEW, TEST_KDF, {
      rotate: true,
    });
    expect(recoveryKey?.split(' ')).toHaveLength(12);
    await vault.commit(personSet(newId(), { name: 'B' }));
    expect(await vault.previousGeneration).toEqual([]);
    await vault.close();

    // One generation under the new key; nothing staged is left and nothing of the old key.
    expect(readdirSync(folder).sort()).toEqual(
      [journalFile(2n), snapshotFile(2n), STATE_FILE, HEADER_FILE].sort(),
    );
    expect(await openCode(folder, { passphrase: NEW })).toBe('opened 2');
    expect(await openCode(folder, { recoveryKey: recoveryKey! })).toBe('opened 2');
    expect(await openCode(folder, { passphrase: OLD })).toBe('WRONG_PASSPHRASE');
    expect(await openCode(folder, { recoveryKey: oldRecovery })).toBe('WRONG_RECOVERY_KEY');

    // A copy of the old header, with the old passphrase, opens none of what is there now.
    copyFileSync(oldHeader, path.join(folder, HEADER_FILE));
    expect(await openCode(folder, { passphrase: OLD })).toBe('VAULT_CORRUPT');
  });

  it('keeps the recovery key when only the passphrase changes', async () => {
    const core = await coreWithVault(tempDir());
    const result = await core.call('changePassphrase', {
      passphrase: 'test passphrase',
      newPassphrase: NEW,
    });
    expect(result.recoveryKey).toBeNull();
    const rotated = await core.call('changePassphrase', {
      passphrase: NEW,
      newPassphrase: OLD,
      rotateKeys: true,
    });
    expect(rotated.recoveryKey?.split(' ')).toHaveLength(12);
    await core.session.lock();
  });

  it('refuses a passphrase shorter than the minimum, in the core itself', async () => {
    const folder = path.join(tempDir(), 'vault');
    await expect(Vault.create(folder, 'short one', TEST_KDF)).rejects.toMatchObject({
      code: 'PASSPHRASE_TOO_SHORT',
    });
    const { vault } = await Vault.create(folder, OLD, TEST_KDF);
    await expect(
      vault.changePassphrase({ passphrase: OLD }, 'too short', TEST_KDF),
    ).rejects.toMatchObject({ code: 'PASSPHRASE_TOO_SHORT' });
    await vault.close();
  });

  it('refuses to run a KDF cost beyond its bounds, asked for or read from a doctored header', async () => {
    const folder = path.join(tempDir(), 'vault');
    await expect(
      Vault.create(folder, OLD, { opsLimit: 64, memKiB: 4 * 1024 * 1024 }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const { vault } = await Vault.create(folder, OLD, TEST_KDF);
    await vault.close();
    // The first slot's cost, 27 bytes into the header, raised to 64 passes over 4 GiB, with the
    // unkeyed checksum fixed as someone doctoring the file would.
    const header = path.join(folder, HEADER_FILE);
    const bytes = readFileSync(header);
    bytes.writeUInt32BE(64, 29);
    bytes.writeUInt32BE(4 * 1024 * 1024, 33);
    createHash('sha256')
      .update(bytes.subarray(0, bytes.length - 32))
      .digest()
      .copy(bytes, bytes.length - 32);
    writeFileSync(header, bytes);
    expect(await openCode(folder, { passphrase: OLD })).toBe('VAULT_CORRUPT');
  });

  it('forgets its keys when closed', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, OLD, TEST_KDF);
    const keys = Object.values((vault as unknown as { keys: Record<string, Buffer> }).keys);
    expect(keys).toHaveLength(4);
    expect(keys.every((key) => key.some((byte) => byte !== 0))).toBe(true);
    await vault.close();
    expect(keys.every((key) => key.every((byte) => byte === 0))).toBe(true);
  });

  it('creates the vault folder readable by its owner only', async () => {
    const folder = path.join(tempDir(), 'new', 'vault');
    const { vault } = await Vault.create(folder, OLD, TEST_KDF);
    await vault.close();
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });
});
