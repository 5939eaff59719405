import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/errors';
import { Vault } from '../../core/vault/vault';
import { newId, personSet, TEST_KDF } from '../helpers/vault';

const PASS = { passphrase: 'tamper test passphrase' };

/** A vault with two generations, so that every kind of file exists: header, two snapshots, two journals. */
async function buildVault(folder: string): Promise<string[]> {
  const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
  for (const name of ['Ann', 'Бора', 'Cy'])
    await vault.commit(personSet(newId(), { name, notes: `${name} notes` }));
  await vault.compact();
  for (const name of ['Dee', 'Эла']) await vault.commit(personSet(newId(), { name }));
  await vault.close();
  return dump(await Vault.open(folder, PASS));
}

async function dump(vault: Vault): Promise<string[]> {
  const rows = vault.db.exec('SELECT id, name, notes FROM persons ORDER BY id')[0]?.values ?? [];
  await vault.close();
  return rows.map((r) => r.join('|'));
}

type Outcome = 'refused' | 'same data' | 'WRONG DATA' | 'CRASH';

/** Opening a tampered vault must refuse with an error code or show exactly the original data. */
async function openTampered(folder: string, original: string[]): Promise<Outcome> {
  try {
    const rows = await dump(await Vault.open(folder, PASS));
    return JSON.stringify(rows) === JSON.stringify(original) ? 'same data' : 'WRONG DATA';
  } catch (err) {
    return err instanceof ApiError ? 'refused' : 'CRASH';
  }
}

describe('tampering', () => {
  let folder: string;
  let original: string[];
  let files: string[];

  // One vault shared by the tests of this file, since each restores every byte it flips.
  const root = mkdtempSync(path.join(os.tmpdir(), 'vigil-tamper-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    folder = path.join(root, 'vault');
    original = await buildVault(folder);
    files = readdirSync(folder).sort();
  });

  it('has every kind of vault file to tamper with', () => {
    expect(files.filter((f) => f.startsWith('snapshot-'))).toHaveLength(2);
    expect(files.filter((f) => f.startsWith('journal-'))).toHaveLength(2);
    expect(files).toContain('vault.vgh');
  });

  it('never crashes and never opens wrong data when any single byte is flipped', async () => {
    const sizes = new Map(files.map((f) => [f, readFileSync(path.join(folder, f)).length]));
    const target = fc.constantFrom(...files).chain((file) =>
      fc.record({
        file: fc.constant(file),
        offset: fc.nat(sizes.get(file)! - 1),
        mask: fc.integer({ min: 1, max: 255 }),
      }),
    );
    const outcomes = new Map<Outcome, number>();
    await fc.assert(
      fc.asyncProperty(target, async ({ file, offset, mask }) => {
        const full = path.join(folder, file);
        const bytes = readFileSync(full);
        const copy = Buffer.from(bytes);
        copy[offset] = copy[offset]! ^ mask;
        writeFileSync(full, copy);
        try {
          const outcome = await openTampered(folder, original);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          return outcome === 'refused' || outcome === 'same data';
        } finally {
          writeFileSync(full, bytes);
        }
      }),
      { numRuns: 400 },
    );
    expect(outcomes.get('refused')).toBeGreaterThan(0);
  });

  it('refuses every flipped byte of the header, slots included', async () => {
    const full = path.join(folder, 'vault.vgh');
    const bytes = readFileSync(full);
    for (let offset = 0; offset < bytes.length; offset++) {
      const copy = Buffer.from(bytes);
      copy[offset] = copy[offset]! ^ 0x80;
      writeFileSync(full, copy);
      expect([offset, await openTampered(folder, original)]).toEqual([offset, 'refused']);
    }
    writeFileSync(full, bytes);
  });
});
