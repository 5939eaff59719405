/**
 * The import takes over its preview's dry run only while nothing it was made from has changed:
 * not the file (even rewritten to the same size and time), not the vault.
 */
import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../core/api/import';
import type { ImportResult } from '../../core/api/importRuns';
import { useCores, type TestCore } from './import-core';

const startCore = useCores();

async function preview(core: TestCore, file: string): Promise<ImportPreview> {
  return core.ok<ImportPreview>('previewImport', { path: file, shape: 'persons' });
}

async function runImport(core: TestCore, file: string, mapping: ImportPreview['mapping']) {
  return core.ok<ImportResult>('runImport', { path: file, shape: 'persons', mapping, mode: 'all' });
}

async function names(core: TestCore): Promise<string[]> {
  const { items } = await core.ok<{ items: { name: string }[] }>('listPersons', { limit: 100 });
  return items.map((item) => item.name).sort();
}

describe('the dry run of the preview', () => {
  it('is read again when the file changed after the preview, to the same size and time', async () => {
    const core = await startCore();
    const file = core.file('persons.csv', 'Name,Birth date\nAles Kniga,1980\n');
    const { mtime, atime } = statSync(file);
    const { mapping } = await preview(core, file);
    writeFileSync(file, 'Name,Birth date\nOles Kniha,1981\n');
    utimesSync(file, atime, mtime);
    expect(await runImport(core, file, mapping)).toMatchObject({ personsCreated: 1 });
    expect(await names(core)).toEqual(['Oles Kniha']);
  });

  it('is made again when the vault changed after the preview', async () => {
    const core = await startCore();
    const file = core.file('persons.csv', 'List no,Name,Birth date\n10,Tamara Vydumka,1980\n');
    const { mapping, plan } = await preview(core, file);
    expect(plan).toMatchObject({ new: 1 });
    await core.ok('createPerson', {
      name: 'Tamara Vydumka',
      birthDate: '1980',
      externalIds: ['list:10'],
    });
    expect(await runImport(core, file, mapping)).toMatchObject({ personsCreated: 0 });
    expect(await names(core)).toEqual(['Tamara Vydumka']);
  });

  it('serves the import of the same file, choices and vault', async () => {
    const core = await startCore();
    const file = core.file('persons.csv', 'Name,Birth date\nAles Kniga,1980\nJan Prykladny,1975\n');
    const { mapping } = await preview(core, file);
    expect(await runImport(core, file, mapping)).toMatchObject({ personsCreated: 2 });
    expect(await names(core)).toEqual(['Ales Kniga', 'Jan Prykladny']);
  });
});
