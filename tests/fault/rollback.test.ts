import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../core/vault/vault';
import {
  HEADER_FILE,
  journalFile,
  LOCK_FILE,
  snapshotFile,
  STATE_FILE,
} from '../../core/vault/layout';
import { useTempDirs } from '../helpers/tempDir';
import { folderDigest, newId, personSet, TEST_KDF } from '../helpers/vault';

const PASS = { passphrase: 'a long rollback passphrase' };
const tempDir = useTempDirs();

/** Byte length of a journal's prefix, and of each record from its length field. */
function recordEnds(journal: string): number[] {
  const bytes = readFileSync(journal);
  const ends: number[] = [];
  let offset = 34;
  while (offset < bytes.length) {
    offset += 8 + bytes.readUInt32BE(offset);
    ends.push(offset);
  }
  return ends;
}

async function vaultWith(names: string[], folder = path.join(tempDir(), 'vault')) {
  const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
  for (const name of names) await vault.commit(personSet(newId(), { name }));
  await vault.close();
  return folder;
}

/** A vault compacted once, with a commit in its second generation. */
async function twoGenerations(): Promise<string> {
  const folder = await vaultWith(['A']);
  const vault = await Vault.open(folder, PASS);
  await vault.compact();
  await vault.commit(personSet(newId(), { name: 'B' }));
  await vault.close();
  return folder;
}

async function openFails(folder: string) {
  return Vault.open(folder, PASS).then(
    async (vault) => {
      await vault.close();
      return null;
    },
    (err: { code?: string; details?: unknown }) => ({ code: err.code, details: err.details }),
  );
}

describe('losses the vault notices', () => {
  it('refuses a journal cut at a record boundary, and changes nothing', async () => {
    const folder = await vaultWith(['A', 'B', 'C']);
    const journal = path.join(folder, journalFile(1n));
    // One record per person: the last one goes, cut exactly where it begins.
    const ends = recordEnds(journal);
    truncateSync(journal, ends[ends.length - 2]!);
    const before = folderDigest(folder);
    expect(await openFails(folder)).toEqual({
      code: 'VAULT_CORRUPT',
      details: { file: journalFile(1n), record: ends.length, repairable: true, kind: 'behind' },
    });
    expect(folderDigest(folder)).toBe(before);
  });

  it('refuses an older copy of the journal put back', async () => {
    const folder = await vaultWith(['A']);
    const journal = path.join(folder, journalFile(1n));
    const older = path.join(tempDir(), 'older.vgj');
    copyFileSync(journal, older);
    const vault = await Vault.open(folder, PASS);
    await vault.commit(personSet(newId(), { name: 'B' }));
    await vault.close();
    copyFileSync(older, journal);
    expect(await openFails(folder)).toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: journalFile(1n), kind: 'behind' },
    });
  });

  it('refuses when the current journal is deleted, though an older generation is there', async () => {
    const folder = await twoGenerations();
    rmSync(path.join(folder, journalFile(2n)));
    expect(await openFails(folder)).toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: journalFile(2n), kind: 'missing', repairable: true },
    });
    // Read-only shows what is left and says what is missing, writing nothing.
    const before = folderDigest(folder);
    const readOnly = await Vault.open(folder, PASS, { readOnly: true });
    expect(readOnly.readOnly).toBe(true);
    await readOnly.close();
    expect(folderDigest(folder)).toBe(before);
  });

  it('refuses when the whole newest generation is deleted', async () => {
    const folder = await twoGenerations();
    rmSync(path.join(folder, journalFile(2n)));
    rmSync(path.join(folder, snapshotFile(2n)));
    expect(await openFails(folder)).toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: journalFile(2n), kind: 'behind' },
    });
  });

  it('refuses a vault whose commit state is gone, and repair rebuilds it keeping every record', async () => {
    const folder = await vaultWith(['A', 'B']);
    rmSync(path.join(folder, STATE_FILE));
    expect(await openFails(folder)).toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: STATE_FILE, kind: 'missing' },
    });
    const { vault, damage } = await Vault.repair(folder, PASS);
    expect(damage).toEqual([{ file: STATE_FILE, repairable: true, kind: 'missing' }]);
    expect(vault.db.exec('SELECT count(*) FROM persons')[0]!.values[0]![0]).toBe(2);
    await vault.close();
    expect(await openFails(folder)).toBeNull();
  });

  it('keeps the files behind the commit state in place when repairing', async () => {
    const folder = await vaultWith(['A', 'B']);
    const journal = path.join(folder, journalFile(1n));
    const ends = recordEnds(journal);
    truncateSync(journal, ends[ends.length - 2]!);
    const { vault, damage } = await Vault.repair(folder, PASS);
    expect(damage).toMatchObject([{ file: journalFile(1n), kind: 'behind' }]);
    await vault.close();
    // The short journal is evidence of what was lost: it is neither renamed nor removed.
    expect(readdirSync(folder)).toContain(journalFile(1n));
  });

  it('reports a headerless folder of vault files as damaged and will not create over it', async () => {
    const folder = await vaultWith(['A']);
    rmSync(path.join(folder, HEADER_FILE));
    expect(await openFails(folder)).toEqual({
      code: 'VAULT_CORRUPT',
      details: { file: HEADER_FILE, kind: 'missing', repairable: false },
    });
    await expect(Vault.create(folder, PASS.passphrase, TEST_KDF)).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
  });

  it('takes a folder where a vault file should be for damage', async () => {
    const folder = await vaultWith(['A']);
    rmSync(path.join(folder, snapshotFile(1n)));
    mkdirSync(path.join(folder, snapshotFile(1n)));
    expect(await openFails(folder)).toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: snapshotFile(1n) },
    });
  });

  it('reports damage to the previous generation after unlock, while the vault stays usable', async () => {
    const folder = await vaultWith(['A']);
    const first = await Vault.open(folder, PASS);
    await first.compact();
    expect(await first.previousGeneration).toEqual([]);
    await first.close();
    const snapshot = path.join(folder, snapshotFile(1n));
    const bytes = readFileSync(snapshot);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(snapshot, bytes);
    const vault = await Vault.open(folder, PASS);
    expect(await vault.previousGeneration).toEqual([
      { file: snapshotFile(1n), repairable: true, kind: 'damaged' },
    ]);
    await vault.commit(personSet(newId(), { name: 'B' }));
    await vault.close();
  });
  it('reports a previous generation that is gone altogether', async () => {
    const folder = await vaultWith(['A']);
    const first = await Vault.open(folder, PASS);
    await first.compact();
    await first.close();
    rmSync(path.join(folder, snapshotFile(1n)));
    rmSync(path.join(folder, journalFile(1n)));
    const vault = await Vault.open(folder, PASS);
    expect(await vault.previousGeneration).toEqual([
      { file: snapshotFile(1n), repairable: true, kind: 'missing' },
      { file: journalFile(1n), repairable: true, kind: 'missing' },
    ]);
    await vault.close();
  });
});

describe('one writer at a time', () => {
  it('refuses a second opener in the same program and frees the folder on close', async () => {
    const folder = await vaultWith(['A']);
    const vault = await Vault.open(folder, PASS);
    expect(await openFails(folder)).toMatchObject({ code: 'VAULT_IN_USE' });
    // Read-only opens write nothing, a lock included, and do not need the folder to themselves.
    const reader = await Vault.open(folder, PASS, { readOnly: true });
    await reader.close();
    await vault.close();
    expect(readdirSync(folder)).not.toContain(LOCK_FILE);
    expect(await openFails(folder)).toBeNull();
  });

  it('refuses while another program holds the vault, and takes over once that program died', async () => {
    const folder = await vaultWith(['A']);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'holdVault.ts'), folder, PASS.passphrase],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const said = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
    });
    expect(said).toBe('open');
    expect(await openFails(folder)).toMatchObject({ code: 'VAULT_IN_USE' });
    child.kill('SIGKILL');
    await exited;
    // A killed program leaves its claim behind; the claim of a process that is gone lapses.
    expect(readdirSync(folder)).toContain(LOCK_FILE);
    expect(await openFails(folder)).toBeNull();
  });
});
