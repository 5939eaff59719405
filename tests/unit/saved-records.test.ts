import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreSession } from '../../core/service/session';
import { saveSettings } from '../../core/service/settings';
import { coreWithVault, startCore, type TestCore } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const cores: TestCore[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.session.lock();
});

const PASSPHRASE = 'test passphrase';
/** The first row of a sheet without a header row: a person, where the column names should be. */
const FIRST_ROW = ['Ondrelka Vymyslená', '1983-11-27'];
const VALUES = { region: { 'Гомельская вобл.': { action: 'map', code: 'gomel' } } };
const COUNT_NAME = 'Quillbarrow tally of Ondrelka';
const DEFINITION = { measure: 'inCustody', rows: 'region', columns: 'sex', asOf: '2024-05-06' };

async function newCore(root = tempDir()): Promise<TestCore> {
  const core = await coreWithVault(root);
  cores.push(core);
  return core;
}

/** Saves a mapping of a header-less sheet, read as the import reads it, and a custom count. */
async function saveBoth(core: TestCore, root: string) {
  const file = path.join(root, 'no-header.csv');
  writeFileSync(file, `${FIRST_ROW.join(',')}\nZbyslava Nesmyslná,1990-02-03\n`);
  const preview = await core.call('previewImport', { path: file, shape: 'persons' });
  expect(preview.columns).toEqual(FIRST_ROW);
  const [nameColumn, birthColumn] = preview.columns as [string, string];
  const mapping = { [nameColumn]: 'name', [birthColumn]: 'birthDate' } as const;
  const [saved] = await core.call('saveImportMapping', {
    name: 'No header',
    shape: 'persons',
    mapping,
    values: VALUES,
  });
  const [count] = await core.call('savePivot', { name: COUNT_NAME, definition: DEFINITION });
  return { mapping, mappingId: saved!.id, countId: count!.id };
}

function settingsText(root: string): string {
  return readFileSync(path.join(root, 'data', 'settings.json'), 'utf8');
}

async function unlock(core: TestCore, root: string, vault = 'vault'): Promise<void> {
  await core.call('unlockVault', { folder: path.join(root, vault), passphrase: PASSPHRASE });
}

describe('saved import mappings and custom counts', () => {
  it('keeps both in the vault through lock and unlock, and none of it in the settings file', async () => {
    const root = tempDir();
    const core = await newCore(root);
    const { mapping, mappingId, countId } = await saveBoth(core, root);
    await core.call('lockVault', {});
    expect(await core.fails('listImportMappings', {})).toBe('VAULT_LOCKED');
    await unlock(core, root);

    expect(await core.call('listImportMappings', {})).toEqual([
      { id: mappingId, name: 'No header', shape: 'persons' },
    ]);
    expect(await core.call('listPivots', {})).toEqual([
      { id: countId, name: COUNT_NAME, definition: DEFINITION },
    ]);
    // The next file of the same layout is recognised by its columns.
    expect(
      await core.call('applyImportMapping', { id: mappingId, columns: [...FIRST_ROW, 'x'] }),
    ).toEqual({ mapping, values: VALUES, schemes: {}, missing: [] });

    const settings = settingsText(root);
    for (const text of [...FIRST_ROW, COUNT_NAME, 'No header']) {
      expect(settings).not.toContain(text);
    }
    expect(Object.keys(JSON.parse(settings)).sort()).toEqual([
      'autoLockMinutes',
      'installId',
      'language',
      'lastVaultFolder',
    ]);
    // Inside the vault the mapping knows its columns by a key, not by the person's name.
    const db = (await core.session.readVault()).db;
    const stored = JSON.stringify(db.exec('SELECT * FROM import_mappings'));
    for (const cell of FIRST_ROW) expect(stored).not.toContain(cell);
  });

  it('keeps them to the vault they were saved in', async () => {
    const root = tempDir();
    const core = await newCore(root);
    const { mappingId, countId } = await saveBoth(core, root);
    await core.call('createVault', { folder: path.join(root, 'other'), passphrase: PASSPHRASE });
    expect(await core.call('listImportMappings', {})).toEqual([]);
    expect(await core.call('listPivots', {})).toEqual([]);
    expect(await core.fails('applyImportMapping', { id: mappingId, columns: FIRST_ROW })).toBe(
      'NOT_FOUND',
    );
    expect(await core.fails('deletePivot', { id: countId })).toBe('NOT_FOUND');
    await unlock(core, root);
    expect((await core.call('listPivots', {})).map((c) => c.id)).toEqual([countId]);
  });

  it('deletes them with tombstones that outlast a lock', async () => {
    const root = tempDir();
    const core = await newCore(root);
    const { mappingId, countId } = await saveBoth(core, root);
    expect(await core.call('deleteImportMapping', { id: mappingId })).toEqual({ id: mappingId });
    expect(await core.call('deletePivot', { id: countId })).toEqual({ id: countId });
    await core.call('lockVault', {});
    await unlock(core, root);
    expect(await core.call('listImportMappings', {})).toEqual([]);
    expect(await core.call('listPivots', {})).toEqual([]);
    expect(await core.fails('deleteImportMapping', { id: mappingId })).toBe('NOT_FOUND');
    // Saved entries are no case edits: "undo last change" does not bring one back.
    expect(await core.call('undoLastChange', {})).toEqual({ undone: false });
    const db = (await core.session.readVault()).db;
    const rows = db.exec(
      'SELECT deleted FROM saved_counts UNION ALL SELECT deleted FROM import_mappings',
    );
    expect(rows[0]!.values).toEqual([[1], [1]]);
  });

  it('refuses to save into a vault opened read-only', async () => {
    const root = tempDir();
    const core = await newCore(root);
    await core.call('lockVault', {});
    await core.call('unlockVault', {
      folder: path.join(root, 'vault'),
      passphrase: PASSPHRASE,
      readOnly: true,
    });
    expect(await core.fails('savePivot', { name: COUNT_NAME, definition: DEFINITION })).toBe(
      'VAULT_READ_ONLY',
    );
  });

  it('drops what an older version saved in the settings file and never moves it into a vault', async () => {
    const root = tempDir();
    const first = await startCore(root);
    cores.push(first);
    const file = path.join(root, 'data', 'settings.json');
    const facts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      file,
      JSON.stringify({
        ...facts,
        importMappings: [{ name: 'Old', shape: 'persons', mapping: { [FIRST_ROW[0]!]: 'name' } }],
        pivots: [{ name: COUNT_NAME, definition: DEFINITION }],
      }),
    );
    const core = await startCore(root);
    cores.push(core);
    const rewritten = readFileSync(file, 'utf8');
    expect(JSON.parse(rewritten)).toEqual(facts);
    expect(rewritten).not.toContain(FIRST_ROW[0]);
    expect(rewritten).not.toContain(COUNT_NAME);
    // No temp file of the rewrite is left beside it.
    expect(readdirSync(path.join(root, 'data'))).toEqual(['settings.json']);

    await core.call('createVault', { folder: path.join(root, 'vault'), passphrase: PASSPHRASE });
    expect(await core.call('listImportMappings', {})).toEqual([]);
    expect(await core.call('listPivots', {})).toEqual([]);
    expect(core.session.status().installId).toBe(facts.installId);
  });

  it('writes nothing to the settings file that is not an installation fact', async () => {
    const root = tempDir();
    await startCore(root);
    const settings = JSON.parse(settingsText(root)) as Parameters<typeof saveSettings>[1];
    await expect(
      saveSettings(path.join(root, 'data'), { ...settings, pivots: [] } as typeof settings),
    ).rejects.toThrow();
    expect(JSON.parse(settingsText(root))).toEqual(settings);
    expect((await CoreSession.start({ dataDir: path.join(root, 'data') })).status().installId).toBe(
      settings.installId,
    );
  });
});
