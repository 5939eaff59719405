import { appendFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF } from '../../core/vault/crypto';
import { Vault, VAULT_FILES } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { folderDigest, newId, personSet, TEST_KDF } from '../helpers/vault';

const PASS = 'a long test passphrase';
const tempDir = useTempDirs();

async function vaultWithPeople(names: string[]): Promise<{ folder: string; ids: string[] }> {
  const folder = path.join(tempDir(), 'vault');
  const vault = await Vault.create(folder, PASS, TEST_KDF);
  const ids: string[] = [];
  for (const name of names) {
    const id = newId();
    ids.push(id);
    await vault.commit(personSet(id, { name, createdAt: '2026-01-01T00:00:00.000Z' }));
  }
  await vault.close();
  return { folder, ids };
}

function names(vault: Vault): string[] {
  return (vault.db.exec('SELECT name FROM persons ORDER BY name')[0]?.values ?? []).map((r) =>
    String(r[0]),
  );
}

async function openError(folder: string, passphrase = PASS): Promise<string> {
  return Vault.open(folder, passphrase).then(
    () => 'opened',
    (err: { code?: string }) => err.code ?? 'no code',
  );
}

function flipByte(file: string, offset: number): void {
  const bytes = readFileSync(file);
  bytes[offset] = bytes[offset]! ^ 0x01;
  writeFileSync(file, bytes);
}

describe('vault', () => {
  it('keeps committed people across close and reopen', async () => {
    const { folder } = await vaultWithPeople(['Алеся', 'Bob']);
    const vault = await Vault.open(folder, PASS);
    expect(names(vault)).toEqual(['Bob', 'Алеся']);
    await vault.commit(personSet(newId(), { name: 'Carol' }));
    await vault.close();
    const again = await Vault.open(folder, PASS);
    expect(names(again)).toEqual(['Bob', 'Carol', 'Алеся']);
    await again.close();
  });

  it('uses a memory-hard KDF by default', () => {
    expect(DEFAULT_KDF.memKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(DEFAULT_KDF.opsLimit).toBeGreaterThanOrEqual(2);
  });

  it('never writes a name in plaintext', async () => {
    const { folder } = await vaultWithPeople(['Zmitser Plaintextovich', 'Зміцер Адкрыты']);
    for (const file of Object.values(VAULT_FILES)) {
      const bytes = readFileSync(path.join(folder, file));
      for (const needle of ['Plaintextovich', 'Адкрыты']) {
        expect(bytes.includes(Buffer.from(needle, 'utf8'))).toBe(false);
        expect(bytes.includes(Buffer.from(needle, 'utf16le'))).toBe(false);
      }
    }
  });

  it('refuses a wrong or empty passphrase and leaves the files untouched', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const before = folderDigest(folder);
    expect(await openError(folder, 'wrong passphrase')).toBe('WRONG_PASSPHRASE');
    expect(await openError(folder, '')).toBe('EMPTY_PASSPHRASE');
    expect(folderDigest(folder)).toBe(before);
  });

  it('refuses to create a vault over an existing one', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const before = folderDigest(folder);
    await expect(Vault.create(folder, PASS, TEST_KDF)).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
    expect(folderDigest(folder)).toBe(before);
  });

  it('reports a folder it cannot write to', async () => {
    // Root ignores file modes, so the folder is made impossible by running its path through a file.
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(Vault.create(path.join(file, 'vault'), PASS, TEST_KDF)).rejects.toMatchObject({
      code: 'FOLDER_NOT_WRITABLE',
    });
  });

  it('reports a folder without a vault', async () => {
    expect(await openError(tempDir())).toBe('VAULT_NOT_FOUND');
  });

  it.each([
    ['header', VAULT_FILES.header],
    ['snapshot', VAULT_FILES.snapshot],
  ])('reports a truncated %s as damaged and changes nothing', async (_label, file) => {
    const { folder } = await vaultWithPeople(['A']);
    const target = path.join(folder, file);
    truncateSync(target, readFileSync(target).length - 5);
    const before = folderDigest(folder);
    expect(await openError(folder)).toBe('VAULT_CORRUPT');
    expect(folderDigest(folder)).toBe(before);
  });

  it('detects one altered byte anywhere in the header, snapshot or journal', async () => {
    const { folder } = await vaultWithPeople(['A', 'B', 'C']);
    for (const file of Object.values(VAULT_FILES)) {
      const target = path.join(folder, file);
      const original = readFileSync(target);
      const offsets = new Set([0, 9, 20, 40, Math.floor(original.length / 2), original.length - 1]);
      for (const offset of offsets) {
        flipByte(target, offset);
        expect([`${file}@${offset}`, await openError(folder)]).toEqual([
          `${file}@${offset}`,
          'VAULT_CORRUPT',
        ]);
        writeFileSync(target, original);
      }
    }
    expect(await openError(folder)).toBe('opened');
  });

  it('drops a torn last journal record and keeps every acknowledged change', async () => {
    const { folder } = await vaultWithPeople(['A', 'B']);
    const journal = path.join(folder, VAULT_FILES.journal);
    const acknowledged = readFileSync(journal).length;
    // An append cut short by a crash: a valid length but only part of the record.
    const vault = await Vault.open(folder, PASS);
    await vault.commit(personSet(newId(), { name: 'C' }));
    await vault.close();
    truncateSync(journal, acknowledged + 20);
    const reopened = await Vault.open(folder, PASS);
    expect(names(reopened)).toEqual(['A', 'B']);
    await reopened.commit(personSet(newId(), { name: 'D' }));
    await reopened.close();
    const last = await Vault.open(folder, PASS);
    expect(names(last)).toEqual(['A', 'B', 'D']);
    await last.close();
  });

  it('treats a zero-filled tail left by a power cut as torn, not damage', async () => {
    const { folder } = await vaultWithPeople(['A']);
    appendFileSync(path.join(folder, VAULT_FILES.journal), Buffer.alloc(300));
    const vault = await Vault.open(folder, PASS);
    expect(names(vault)).toEqual(['A']);
    await vault.close();
  });

  it('refuses a journal that belongs to another vault', async () => {
    const one = await vaultWithPeople(['A']);
    const other = await vaultWithPeople(['B']);
    writeFileSync(
      path.join(one.folder, VAULT_FILES.journal),
      readFileSync(path.join(other.folder, VAULT_FILES.journal)),
    );
    expect(await openError(one.folder)).toBe('VAULT_CORRUPT');
  });

  it('refuses a vault written in a newer format', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const header = path.join(folder, VAULT_FILES.header);
    const bytes = readFileSync(header);
    bytes.writeUInt16BE(99, 8);
    writeFileSync(header, bytes);
    expect(await openError(folder)).toBe('UNSUPPORTED_VERSION');
  });

  it('rolls the database back when the journal cannot be written', async () => {
    const { folder } = await vaultWithPeople(['A']);
    const vault = await Vault.open(folder, PASS);
    // Closing the journal's file handle makes the next append fail like a vanished disk.
    await (vault as unknown as { journal: { close(): Promise<void> } }).journal.close();
    await expect(vault.commit(personSet(newId(), { name: 'Lost' }))).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
    });
    expect(names(vault)).toEqual(['A']);
    vault.db.close();
  });
});
