/**
 * The format test vectors opened by the real core: it must find what expected.json says, as the
 * independent reader of format-spec.test.ts does, so the two readers agree.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import type { RecordKind } from '../../core/api/records';
import { readRecords } from '../../core/db/records';
import { all } from '../../core/db/statements';
import { verifyAuditChain } from '../../core/service/history';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { folderDigest } from '../helpers/vault';

const VECTORS = path.resolve(__dirname, '../../docs/vectors');
const FOLDER = path.join(VECTORS, 'vault');
const expected = JSON.parse(readFileSync(path.join(VECTORS, 'expected.json'), 'utf8')) as {
  passphrase: string;
  recoveryKey: string;
  files: string[];
  schemaVersion: number;
  deletedPersonIds: string[];
  audit: { entries: number; lastHash: string };
  [list: string]: unknown;
};
const LISTS: Array<[string, RecordKind]> = [
  ['persons', 'person'],
  ['custodyEvents', 'custodyEvent'],
  ['statusEvents', 'statusEvent'],
  ['proceedings', 'proceeding'],
];
const tempDir = useTempDirs();

/** A writable open changes the folder (lock, commit state), so it gets a copy of the vector. */
function copyOfVector(): string {
  const folder = path.join(tempDir(), 'vault');
  cpSync(FOLDER, folder, { recursive: true });
  return folder;
}

async function checkContents(vault: Vault): Promise<void> {
  for (const [list, kind] of LISTS)
    expect(readRecords(vault.db, kind, '1', [], 'id'), list).toEqual(expected[list]);
  const deleted = all(vault.db, 'SELECT id FROM persons WHERE deleted = 1 ORDER BY id');
  expect(deleted.map((row) => row.id)).toEqual(expected.deletedPersonIds);
  expect(vault.db.exec('PRAGMA user_version')[0]!.values[0]![0]).toBe(expected.schemaVersion);
  const audit = await verifyAuditChain(vault.db);
  expect(audit).toEqual({ intact: true, entries: expected.audit.entries, firstBadEntry: null });
  const last = all(vault.db, 'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1')[0];
  expect(last?.hash).toBe(expected.audit.lastHash);
}

describe('the format test vectors, opened by the core', () => {
  it('hold the expected contents, and their previous generation is sound', async () => {
    const folder = copyOfVector();
    const vault = await Vault.open(folder, { passphrase: expected.passphrase });
    try {
      expect(vault.generation).toBe(3n);
      await checkContents(vault);
      expect(await vault.previousGeneration).toEqual([]);
    } finally {
      await vault.close();
    }
  });

  it('open with the recovery key to the same contents', async () => {
    const vault = await Vault.open(copyOfVector(), { recoveryKey: expected.recoveryKey });
    try {
      await checkContents(vault);
    } finally {
      await vault.close();
    }
  });

  it('are left exactly as they are by a read-only open', async () => {
    const before = folderDigest(FOLDER);
    const vault = await Vault.open(FOLDER, { passphrase: expected.passphrase }, { readOnly: true });
    try {
      await checkContents(vault);
    } finally {
      await vault.close();
    }
    expect(folderDigest(FOLDER)).toBe(before);
    expect(readdirSync(FOLDER).sort()).toEqual(expected.files);
  });

  it('follow the same end-of-journal rules as the spec: a torn tail is ignored, a flip is damage', async () => {
    const torn = copyOfVector();
    const journal = path.join(torn, 'journal-0000000003.vgj');
    appendFileSync(journal, Buffer.from([0, 0, 0, 64, 255, 255, 255, 191, 1]));
    const vault = await Vault.open(torn, { passphrase: expected.passphrase }, { readOnly: true });
    try {
      await checkContents(vault);
    } finally {
      await vault.close();
    }
    const damaged = copyOfVector();
    const bytes = readFileSync(path.join(damaged, 'journal-0000000003.vgj'));
    const second = 34 + 8 + bytes.readUInt32BE(34) + 30;
    bytes[second] = bytes[second]! ^ 1;
    writeFileSync(path.join(damaged, 'journal-0000000003.vgj'), bytes);
    const error = await Vault.open(damaged, { passphrase: expected.passphrase }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: 'journal-0000000003.vgj', record: 2 },
    });
  });
});
