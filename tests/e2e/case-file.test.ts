import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  addPersonThroughUi,
  createVaultThroughUi,
  useApps,
  openExportDialog,
  openImportDialog,
  pick,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const start = useApps(tempDir);

describe('the whole case file through the browser host', () => {
  it('is exported as a folder of CSV files from one vault and imported into another in one step', async () => {
    const folder = path.join(tempDir(), 'case-file');
    const named = 'Алесь Справавы';
    const never = 'Ніна Ніколі';
    {
      const { page } = await start();
      await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
      await addPersonThroughUi(page, named, 'May be published, with the name');
      await addPersonThroughUi(page, never, 'Never publish: the case stays in this vault');
      await openExportDialog(page);
      const dialog = page.getByRole('dialog', { name: 'Export records' });
      await dialog.getByLabel('What').selectOption({ label: 'Whole case file' });
      await dialog
        .getByLabel('Format')
        .selectOption({ label: 'CSV files in a new folder, one per table' });
      await dialog.getByLabel('Labels beside codes').selectOption({ label: 'Belarusian' });
      await pick(dialog.getByLabel('Folder', { exact: true }), folder);
      const audience = dialog.getByRole('group', { name: 'Who is this file for' });
      await audience.getByLabel(/^Internal use only/).check();
      await audience
        .getByLabel('I understand this internal file includes cases marked never publish')
        .check();
      await dialog.getByLabel('I understand the file is not encrypted').check();
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect
        .poll(() => dialog.getByRole('status').textContent())
        .toContain(`Exported the case file of 2 people, in 8 tables, to ${path.basename(folder)}.`);
    }
    const persons: string[][] = parse(readFileSync(path.join(folder, 'persons.csv')), {
      bom: true,
    });
    expect(persons.map((row) => row[2]).sort()).toEqual(['Name', never, named].sort());

    const { page } = await start();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await openImportDialog(page);
    const dialog = page.getByRole('dialog', { name: 'Import records' });
    const section = dialog.getByRole('region', { name: 'Import a case file' });

    // A case file someone edited: the import says where it stopped, and writes nothing.
    const edited = `${folder}-edited`;
    cpSync(folder, edited, { recursive: true });
    const sources = path.join(edited, 'sources.csv');
    writeFileSync(sources, readFileSync(sources, 'utf8').replace(',Notes', ',Remarks'));
    await section.getByLabel('Written as').selectOption({ label: 'A folder of CSV files' });
    await pick(section.getByLabel('Case file', { exact: true }), edited);
    await section.getByRole('button', { name: 'Import case file' }).click();
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toContain('Vigil stopped at sources.csv, column “Remarks”.');

    await pick(section.getByLabel('Case file', { exact: true }), folder);
    await section.getByRole('button', { name: 'Import case file' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toContain('2 people');
    const list = page.getByRole('list', { name: 'People' });
    await list.getByText(named).waitFor();
    await list.getByText(never).waitFor();
  });
});
