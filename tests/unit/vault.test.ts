import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF } from '../../core/vault/crypto';
import { HEADER_FILE, journalFile, snapshotFile, STATE_FILE } from '../../core/vault/layout';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { folderDigest, newId, personSet, TEST_KDF } from '../helpers/vault';

const PASS = { passphrase: 'a long test passphrase' };
const tempDir = useTempDirs();
const FILES = [HEADER_FILE, snapshotFile(1n), journalFile(1n)];

async function vaultWithPeople(names: string[]): Promise<{ folder: string; recoveryKey: string }> {
  const folder = path.join(tempDir(), 'vault');
  const { vault, recoveryKey } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
  for (const name of names) await vault.commit(personSet(newId(), { name }));
  await vault.close();
  return { folder, recoveryKey };
}

function names(vault: Vault): string[] {
  return (vault.db.exec('SELECT name FROM persons ORDER BY name')[0]?.values ?? []).map((r) =>
    String(r[0]),
  );
}

async function namesIn(folder: string): Promise<string[]> {
  const vault = await Vault.open(folder, PASS);
  try {
    return names(vault);
  } finally {
    await vault.close();
  }
}

async function openError(
  folder: string,
  secret: Parameters<typeof Vault.open>[1] = PASS,
): Promise<string> {
  return Vault.open(folder, secret).then(
    async (vault) => {
      await vault.close();
      return 'opened';
    },
    (err: { code?: string }) => err.code ?? 'no code',
  );
}

function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file);
  bytes[offset] = bytes[offset]! ^ 0x01;
  writeFileSync(file, bytes);
}

describe('vault storage', () => {
  it('keeps committed people across close and reopen', async () => {
    const { folder } = await vaultWithPeople(['Алеся', 'Bob']);
    const vault = await Vault.open(folder, PASS);
    expect(names(vault)).toEqual(['Bob', 'Алеся']);
    await vault.commit(personSet(newId(), { name: 'Carol' }));
    await vault.close();
    expect(await namesIn(folder)).toEqual(['Bob', 'Carol', 'Алеся']);
  });

  it('uses a memory-hard KDF by default', () => {
    expect(DEFAULT_KDF.memKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(DEFAULT_KDF.opsLimit).toBeGreaterThanOrEqual(2);
  });

  it('never writes a name in plaintext', async () => {
    const { folder } = await vaultWithPeople(['Zmitser Plaintextovich', 'Зміцер Адкрыты']);
    for (const file of readdirSync(folder)) {
      const bytes = readFileSync(path.join(folder, file));
      for (const needle of ['Plaintextovich', 'Адкрыты']) {
        expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
      }
    }
  });

  it('groups concurrent commits into one journal sync, each acknowledged', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
    const before = readFileSync(path.join(folder, journalFile(1n))).length;
    await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) => vault.commit(personSet(newId(), { name }))),
    );
    expect(readFileSync(path.join(folder, journalFile(1n))).length).toBeGreaterThan(before);
    await vault.close();
    expect(await namesIn(folder)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('refuses one bad change set without losing the others grouped with it', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
    const bad = personSet(newId(), { name: 'X' });
    bad.cells[0]!.field = 'no_such_field';
    const results = await Promise.allSettled([
      vault.commit(personSet(newId(), { name: 'A' })),
      vault.commit(bad),
      vault.commit(personSet(newId(), { name: 'B' })),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await vault.close();
    expect(await namesIn(folder)).toEqual(['A', 'B']);
  });

  it('rolls the database back when the journal cannot be written', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const vault = await Vault.open(folder, PASS);
    // Closing the journal's file handle makes the next append fail like a vanished disk.
    await (
      vault as unknown as { writable: { journal: { close(): Promise<void> } } }
    ).writable.journal.close();
    await expect(vault.commit(personSet(newId(), { name: 'Lost' }))).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
    });
    expect(names(vault)).toEqual(['A']);
    vault.db.close();
  });
});

describe('compaction', () => {
  it('writes the next generation, keeps the previous one as backup and drops older ones', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const vault = await Vault.open(folder, PASS);
    await vault.compact();
    await vault.commit(personSet(newId(), { name: 'B' }));
    await vault.compact();
    await vault.commit(personSet(newId(), { name: 'C' }));
    await vault.close();
    expect(readdirSync(folder).sort()).toEqual([
      journalFile(2n),
      journalFile(3n),
      snapshotFile(2n),
      snapshotFile(3n),
      STATE_FILE,
      HEADER_FILE,
    ]);
    expect(await namesIn(folder)).toEqual(['A', 'B', 'C']);
  });

  it('runs by itself past the record threshold while commits go on', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF, {
      compaction: { maxRecords: 5, maxBytes: 1 << 30 },
    });
    for (let i = 0; i < 12; i++)
      await vault.commit(personSet(newId(), { name: `P${String(i).padStart(2, '0')}` }));
    await vault.close();
    expect(
      readdirSync(folder).some((f) => f.startsWith('snapshot-') && f !== snapshotFile(1n)),
    ).toBe(true);
    expect((await namesIn(folder)).length).toBe(12);
  });

  it('waits for the end of a bulk write, then compacts once', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF, {
      compaction: { maxRecords: 3, maxBytes: 1 << 30 },
    });
    // Fewer than eight times the limit: a bulk write lets the journal grow that far.
    const during = await vault.bulk(async () => {
      for (let i = 0; i < 12; i++)
        await vault.commit(personSet(newId(), { name: `P${String(i).padStart(2, '0')}` }));
      return vault.generation;
    });
    await vault.close();
    expect(during).toBe(1n);
    expect(readdirSync(folder).filter((f) => f.startsWith('snapshot-'))).toEqual([
      snapshotFile(1n),
      snapshotFile(2n),
    ]);
    expect((await namesIn(folder)).length).toBe(12);
  });

  it('recovers every acknowledged change when compaction stopped before its snapshot', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const vault = await Vault.open(folder, PASS);
    await vault.compact();
    await vault.commit(personSet(newId(), { name: 'B' }));
    await vault.close();
    // As if the app died after starting journal 2 but before snapshot 2 was in place.
    const { rmSync } = await import('node:fs');
    rmSync(path.join(folder, snapshotFile(2n)));
    expect(await namesIn(folder)).toEqual(['A', 'B']);
    expect(readdirSync(folder)).toContain(snapshotFile(2n));
  });
});

describe('bad input and damage', () => {
  it('refuses a wrong or empty passphrase and leaves the files untouched', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const before = folderDigest(folder);
    expect(await openError(folder, { passphrase: 'wrong passphrase' })).toBe('WRONG_PASSPHRASE');
    expect(await openError(folder, { passphrase: '' })).toBe('EMPTY_PASSPHRASE');
    expect(folderDigest(folder)).toBe(before);
  });

  it('refuses to create a vault over an existing one', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const before = folderDigest(folder);
    await expect(Vault.create(folder, PASS.passphrase, TEST_KDF)).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect(folderDigest(folder)).toBe(before);
  });

  it('reports a folder it cannot write to', async () => {
    // Root ignores file modes, so the folder is made impossible by running its path through a file.
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(
      Vault.create(path.join(file, 'vault'), PASS.passphrase, TEST_KDF),
    ).rejects.toMatchObject({
      code: 'FOLDER_NOT_WRITABLE',
    });
  });

  it('reports a folder without a vault', async () => {
    expect(await openError(tempDir())).toBe('VAULT_NOT_FOUND');
  });

  it.each([HEADER_FILE, snapshotFile(1n)])(
    'reports a truncated %s as damaged and changes nothing',
    async (file) => {
      const { folder } = await vaultWithPeople(['A']);
      const target = path.join(folder, file);
      truncateSync(target, readFileSync(target).length - 5);
      const before = folderDigest(folder);
      expect(await openError(folder)).toBe('VAULT_CORRUPT');
      expect(folderDigest(folder)).toBe(before);
    },
  );

  it('detects one altered byte in the header, snapshot or journal and names the file', async () => {
    const { folder } = await vaultWithPeople(['A', 'B', 'C']);
    for (const file of FILES) {
      const target = path.join(folder, file);
      const original = readFileSync(target);
      const offsets = new Set([0, 9, 20, 40, Math.floor(original.length / 2), original.length - 1]);
      for (const offset of offsets) {
        flipByte(target, offset);
        const error = await Vault.open(folder, PASS).then(
          () => null,
          (err: { code: string; details?: { file: string } }) => err,
        );
        expect([file, offset, error?.code, error?.details?.file]).toEqual([
          file,
          offset,
          'VAULT_CORRUPT',
          file,
        ]);
        writeFileSync(target, original);
      }
    }
    expect(await openError(folder)).toBe('opened');
  });

  it('drops a torn last journal record and keeps every acknowledged change', async () => {
    const { folder } = await vaultWithPeople(['A', 'B']);
    const journal = path.join(folder, journalFile(1n));
    const acknowledged = readFileSync(journal).length;
    const vault = await Vault.open(folder, PASS);
    // The commit state as it stood before C: a crash in C's append comes before C's state.
    const state = readFileSync(path.join(folder, STATE_FILE));
    await vault.commit(personSet(newId(), { name: 'C' }));
    await vault.close();
    // An append cut short by a crash: a valid length but only part of the record.
    truncateSync(journal, acknowledged + 20);
    writeFileSync(path.join(folder, STATE_FILE), state);
    const reopened = await Vault.open(folder, PASS);
    expect(names(reopened)).toEqual(['A', 'B']);
    await reopened.commit(personSet(newId(), { name: 'D' }));
    await reopened.close();
    expect(await namesIn(folder)).toEqual(['A', 'B', 'D']);
  });

  it('treats a zero-filled tail left by a power cut as torn, not damage', async () => {
    const { folder } = await vaultWithPeople(['A']);
    appendFileSync(path.join(folder, journalFile(1n)), Buffer.alloc(300));
    expect(await namesIn(folder)).toEqual(['A']);
  });

  it('refuses a journal that belongs to another vault', async () => {
    const one = await vaultWithPeople(['A']);
    const other = await vaultWithPeople(['B']);
    const name = journalFile(1n);
    writeFileSync(path.join(one.folder, name), readFileSync(path.join(other.folder, name)));
    expect(await openError(one.folder)).toBe('VAULT_CORRUPT');
  });

  it('refuses a vault written in a newer format', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const header = path.join(folder, HEADER_FILE);
    const bytes = readFileSync(header);
    bytes.writeUInt16BE(99, 8);
    // A newer version writes a header whose checksum matches; a flipped byte does not.
    writeFileSync(header, bytes);
    expect(await openError(folder)).toBe('VAULT_CORRUPT');
    const body = bytes.subarray(0, bytes.length - 32);
    createHash('sha256')
      .update(body)
      .digest()
      .copy(bytes, bytes.length - 32);
    writeFileSync(header, bytes);
    expect(await openError(folder)).toBe('UNSUPPORTED_VERSION');
  });

  it('takes a flipped version byte in a snapshot for damage, not a newer version', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const snapshot = path.join(folder, snapshotFile(1n));
    const bytes = readFileSync(snapshot);
    bytes.writeUInt16BE(3, 8);
    writeFileSync(snapshot, bytes);
    await expect(Vault.open(folder, PASS)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: snapshotFile(1n) },
    });
  });
});

describe('recovery', () => {
  async function damagedInTheMiddle(): Promise<string> {
    const { folder } = await vaultWithPeople(['A', 'B', 'C']);
    const journal = path.join(folder, journalFile(1n));
    const bytes = readFileSync(journal);
    // Inside the second record's ciphertext: records 1 and 3 stay authentic.
    const prefix = 34;
    const first = bytes.readUInt32BE(prefix) + 8;
    flipByte(journal, prefix + first + 30);
    return folder;
  }

  it('says which record is damaged and that the vault can be rebuilt', async () => {
    const folder = await damagedInTheMiddle();
    await expect(Vault.open(folder, PASS)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: journalFile(1n), record: 2, repairable: true },
    });
  });

  it('opens read-only up to the last good record without writing anything', async () => {
    const folder = await damagedInTheMiddle();
    const before = folderDigest(folder);
    const vault = await Vault.open(folder, PASS, { readOnly: true });
    expect(vault.readOnly).toBe(true);
    expect(names(vault)).toEqual(['A']);
    await expect(vault.commit(personSet(newId(), { name: 'X' }))).rejects.toMatchObject({
      code: 'VAULT_READ_ONLY',
    });
    await expect(
      vault.changePassphrase(PASS, 'another passphrase', TEST_KDF),
    ).rejects.toMatchObject({
      code: 'VAULT_READ_ONLY',
    });
    await vault.close();
    expect(folderDigest(folder)).toBe(before);
  });

  it('repairs into a new generation and keeps the damaged file aside', async () => {
    const folder = await damagedInTheMiddle();
    const { vault, damage } = await Vault.repair(folder, PASS);
    expect(damage).toEqual([{ file: journalFile(1n), record: 2, repairable: true }]);
    await vault.commit(personSet(newId(), { name: 'D' }));
    await vault.close();
    expect(await namesIn(folder)).toEqual(['A', 'D']);
    expect(readdirSync(folder).some((f) => f.startsWith(`${journalFile(1n)}.damaged-`))).toBe(true);
  });

  it('rebuilds from the previous generation when the newest snapshot is damaged', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const vault = await Vault.open(folder, PASS);
    await vault.compact();
    await vault.commit(personSet(newId(), { name: 'B' }));
    await vault.close();
    flipByte(path.join(folder, snapshotFile(2n)), 100);
    await expect(Vault.open(folder, PASS)).rejects.toMatchObject({
      details: { file: snapshotFile(2n), repairable: true },
    });
    const repaired = await Vault.repair(folder, PASS);
    expect(names(repaired.vault)).toEqual(['A', 'B']);
    await repaired.vault.close();
  });
});

describe('keys', () => {
  it('changes the passphrase without touching the data, and the old one stops working', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const data = folderDigest(folder, (name) => name !== HEADER_FILE);
    const vault = await Vault.open(folder, PASS);
    await expect(
      vault.changePassphrase({ passphrase: 'wrong' }, 'new passphrase here', TEST_KDF),
    ).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await vault.changePassphrase(PASS, 'new passphrase here', TEST_KDF);
    await vault.close();
    expect(folderDigest(folder, (name) => name !== HEADER_FILE)).toBe(data);
    expect(await openError(folder)).toBe('WRONG_PASSPHRASE');
    expect(await openError(folder, { passphrase: 'new passphrase here' })).toBe('opened');
  });

  it('opens with the recovery key, which survives a passphrase change', async () => {
    const { folder, recoveryKey } = await vaultWithPeople(['A']);
    expect(recoveryKey.split(' ')).toHaveLength(12);
    const vault = await Vault.open(folder, { recoveryKey: `  ${recoveryKey.toUpperCase()} ` });
    await vault.changePassphrase({ recoveryKey }, 'a fresh passphrase', TEST_KDF);
    await vault.close();
    expect(await openError(folder, { recoveryKey })).toBe('opened');
    expect(await openError(folder, { passphrase: 'a fresh passphrase' })).toBe('opened');
  });

  it('tells a mistyped recovery key from a wrong one', async () => {
    const { folder, recoveryKey } = await vaultWithPeople(['A']);
    const words = recoveryKey.split(' ');
    const swapped = [words[1], words[0], ...words.slice(2)].join(' ');
    const other = await vaultWithPeople([]);
    expect(await openError(folder, { recoveryKey: 'not twelve words' })).toBe('WRONG_RECOVERY_KEY');
    expect(['WRONG_RECOVERY_KEY']).toContain(await openError(folder, { recoveryKey: swapped }));
    expect(await openError(folder, { recoveryKey: other.recoveryKey })).toBe('WRONG_RECOVERY_KEY');
  });
});

describe('backups', () => {
  it('saves a verified backup that restores into a new folder with the same passphrase', async () => {
    const { folder } = await vaultWithPeople(['A', 'B']);
    const vault = await Vault.open(folder, PASS);
    const stick = path.join(tempDir(), 'usb', 'vigil-backup');
    const { bytes } = await vault.saveBackup(stick);
    expect(bytes).toBeGreaterThan(0);
    await vault.close();
    const stickBefore = folderDigest(stick);
    const restored = await Vault.restore(stick, path.join(tempDir(), 'restored'), PASS);
    expect(names(restored)).toEqual(['A', 'B']);
    await restored.close();
    expect(folderDigest(stick)).toBe(stickBefore);
  });

  it('refuses to back up into a folder that holds a vault', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const other = await vaultWithPeople(['B']);
    const vault = await Vault.open(folder, PASS);
    await expect(vault.saveBackup(other.folder)).rejects.toMatchObject({ code: 'VAULT_EXISTS' });
    await vault.close();
  });

  it('refuses to restore a damaged backup', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const vault = await Vault.open(folder, PASS);
    const stick = path.join(tempDir(), 'stick');
    await vault.saveBackup(stick);
    await vault.close();
    flipByte(path.join(stick, snapshotFile(1n)), 60);
    await expect(
      Vault.restore(stick, path.join(tempDir(), 'restored'), PASS),
    ).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
    });
  });
});
