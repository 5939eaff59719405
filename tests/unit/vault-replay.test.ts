import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeChangeSet, type ChangeSet } from '../../core/changes/changeSet';
import { writableDb } from '../../core/db/handle';
import { run } from '../../core/db/statements';
import { journalFile } from '../../core/vault/layout';
import { Vault } from '../../core/vault/vault';
import { useTempDirs } from '../helpers/tempDir';
import { AUTHOR, newId, personSet, rawJournal, TEST_KDF } from '../helpers/vault';

const PASS = { passphrase: 'a long test passphrase' };
const tempDir = useTempDirs();

function names(vault: Vault): string[] {
  return (vault.db.exec('SELECT name FROM persons ORDER BY name')[0]?.values ?? []).map((r) =>
    String(r[0]),
  );
}

function held(vault: Vault): string[] {
  return (
    vault.db.exec('SELECT entity, field, value FROM held_cells ORDER BY entity, field')[0]
      ?.values ?? []
  ).map((r) => r.join(' '));
}

/**
 * Record 3 of the journal is authentic (the vault's own key sealed it) but, besides a new
 * person, carries what this version cannot apply: a field of a newer version, a value of the
 * wrong type and an entity it does not know. Records 1, 2 and 4 are ordinary.
 */
async function vaultWithUnappliedRecord(): Promise<{ folder: string; personId: string }> {
  const folder = path.join(tempDir(), 'vault');
  const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
  await vault.commit(personSet(newId(), { name: 'Aino' }));
  await vault.commit(personSet(newId(), { name: 'Bruno' }));
  const personId = newId();
  const fromNewer = personSet(personId, { name: 'Cilla', shoeSize: '38' });
  fromNewer.cells.push(
    { entity: 'person', id: personId, field: 'sex', value: 42 },
    { entity: 'parcel', id: newId(), field: 'weight', value: '2 kg' },
  );
  // Written as a newer version would write it, past this version's check.
  const journal = rawJournal(vault);
  await journal.append([encodeChangeSet(fromNewer)]);
  await vault.commit(personSet(newId(), { name: 'Dario' }));
  await vault.close();
  return { folder, personId };
}

const HELD = ['parcel weight "2 kg"', 'person sex 42', 'person shoeSize "38"'];

describe('an authentic record this version cannot apply', () => {
  it('refuses the normal open, naming the journal, the record and that it was not applied', async () => {
    const { folder } = await vaultWithUnappliedRecord();
    await expect(Vault.open(folder, PASS)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: journalFile(1n), record: 3, repairable: true, kind: 'unapplied' },
    });
  });

  it('opens read-only with every other record and the cells it can apply', async () => {
    const { folder } = await vaultWithUnappliedRecord();
    const vault = await Vault.open(folder, PASS, { readOnly: true });
    expect(names(vault)).toEqual(['Aino', 'Bruno', 'Cilla', 'Dario']);
    expect(held(vault)).toEqual(HELD);
    await vault.close();
  });

  it('keeps the cells it cannot apply through repair and compaction', async () => {
    const { folder } = await vaultWithUnappliedRecord();
    const { vault, damage } = await Vault.repair(folder, PASS);
    expect(damage).toEqual([
      { file: journalFile(1n), record: 3, repairable: true, kind: 'unapplied' },
    ]);
    expect(names(vault)).toEqual(['Aino', 'Bruno', 'Cilla', 'Dario']);
    expect(held(vault)).toEqual(HELD);
    await vault.compact();
    await vault.close();
    const reopened = await Vault.open(folder, PASS);
    expect(held(reopened)).toEqual(HELD);
    expect(names(reopened)).toEqual(['Aino', 'Bruno', 'Cilla', 'Dario']);
    await reopened.close();
  });

  it('applies held cells once a version knows their field, with their own timestamp', async () => {
    const { folder, personId } = await vaultWithUnappliedRecord();
    const { vault } = await Vault.repair(folder, PASS);
    const hlc = String(vault.db.exec('SELECT hlc FROM held_cells LIMIT 1')[0]!.values[0]![0]);
    await vault.commit(personSet(personId, { notes: 'A later note' }));
    // As a later version's migration leaves them: held cells whose fields this version now
    // has, one of them older than an edit made since.
    for (const [field, value] of [
      ['occupation', 'Luthier'],
      ['notes', 'An older note'],
    ]) {
      run(
        writableDb(vault.db),
        'INSERT INTO held_cells (hlc, author, entity, entity_id, field, value) VALUES (?, ?, ?, ?, ?, ?)',
        [hlc, AUTHOR, 'person', personId, field!, JSON.stringify(value)],
      );
    }
    await vault.compact();
    await vault.close();
    const reopened = await Vault.open(folder, PASS);
    const row = reopened.db.exec('SELECT occupation, notes FROM persons WHERE id = ?', [
      personId,
    ])[0]!.values[0]!;
    expect(row).toEqual(['Luthier', 'A later note']);
    expect(held(reopened)).toEqual(HELD);
    await reopened.close();
  });

  it('reports a record that is not a change set and still applies the records after it', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { vault } = await Vault.create(folder, PASS.passphrase, TEST_KDF);
    await vault.commit(personSet(newId(), { name: 'Aino' }));
    const wrongAuthor: ChangeSet = {
      ...personSet(newId(), { name: 'Eve' }),
      author: 'fedcba9876543210',
    };
    const journal = rawJournal(vault);
    await journal.append([encodeChangeSet(wrongAuthor)]);
    await vault.commit(personSet(newId(), { name: 'Dario' }));
    await vault.close();
    await expect(Vault.open(folder, PASS)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
      details: { file: journalFile(1n), record: 2, repairable: true, kind: 'damaged' },
    });
    const readOnly = await Vault.open(folder, PASS, { readOnly: true });
    expect(names(readOnly)).toEqual(['Aino', 'Dario']);
    await readOnly.close();
  });
});
