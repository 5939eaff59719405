import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createVaultThroughUi, useApps, openImportDialog, pick } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

const start = useApps(tempDir);

describe('undo an import through the browser host', () => {
  it('imports a small table, lists it among recent imports, undoes it, and the people are gone', async () => {
    const app = await start();
    const { page } = app;
    const file = path.join(tempDir(), 'invented.csv');
    writeFileSync(
      file,
      ['Name,Birth date', 'Янка Выдуманы,1970', 'Зоя Прыдуманая,1958-04', 'Ira Invented,1985'].join(
        '\n',
      ),
    );
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    const people = page.getByRole('region', { name: 'People' });

    await openImportDialog(page);
    const dialog = page.getByRole('dialog', { name: 'Import records' });
    await pick(dialog.getByLabel('File to import'), file);
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByRole('button', { name: 'Check the rows' }).click();
    await dialog.getByRole('button', { name: 'Import all rows' }).click();
    await expect
      .poll(() => dialog.getByRole('status').first().textContent())
      .toBe('Imported 3 rows: 3 people. Skipped 0.');
    await expect
      .poll(() => people.getByText(/^\d+ (person|people)$/).textContent())
      .toBe('3 people');

    // The import is listed with its file, rows and state, right below the result.
    const recent = dialog.getByRole('region', { name: 'Recent imports' });
    const row = recent.getByRole('row', { name: /invented\.csv/ });
    await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe('3');
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('Complete');

    await row.getByRole('button', { name: 'Undo the import of invented.csv' }).click();
    const confirm = page.getByRole('dialog', { name: 'Undo this import?' });
    expect(await confirm.textContent()).toContain('the 3 rows imported from “invented.csv”');
    await confirm.getByRole('button', { name: 'Undo this import' }).click();

    await expect
      .poll(() => recent.getByRole('status').textContent())
      .toBe('Import undone: 3 records removed, 0 fields restored.');
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Undone');
    expect(await row.getByRole('button').count()).toBe(0);

    await dialog.getByRole('button', { name: 'Close import' }).click();
    await expect
      .poll(() => people.textContent())
      .toContain('No people recorded yet. Choose “Add person” to record the first one.');
  });
});
