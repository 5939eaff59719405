import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BAD_ROWS, inventedPersonsCsv, SEARCHED } from '../fixtures/inventedPersons';
import {
  addPersonThroughUi,
  createDemoVaultThroughUi,
  createVaultThroughUi,
  useApps,
  noticeStatus,
  openExportDialog,
  openImportDialog,
  shownCount,
  pick,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const start = useApps(tempDir);

function people(page: Page) {
  return page.getByRole('list', { name: 'People' });
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search people').fill(text);
}

describe('case records through the browser host', () => {
  it('imports 500 invented persons after a dry run, finds one by a Latin spelling, records a release and shows it in the history', async () => {
    const { page } = await start();
    const folder = tempDir();
    const file = path.join(folder, 'persons.csv');
    const table = inventedPersonsCsv(500);
    writeFileSync(file, table.csv);
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));

    await openImportDialog(page);
    const dialog = page.getByRole('dialog', { name: 'Import records' });
    await pick(dialog.getByLabel('File to import'), file);
    await dialog.getByLabel('Table shape').selectOption({ label: 'Persons: one row per person' });
    await dialog.getByRole('button', { name: 'Check file' }).click();

    // Step 2: the Russian headers were recognised and mapped.
    await dialog.getByRole('heading', { name: 'Columns' }).waitFor();
    await expect.poll(() => dialog.textContent()).toContain('with 500 rows below the header');
    expect(await dialog.getByLabel('Vigil field for column “ФИО”').inputValue()).toBe('name');
    expect(await dialog.getByLabel('Vigil field for column “Тип освобождения”').inputValue()).toBe(
      'releaseType',
    );
    await dialog.getByRole('button', { name: 'Check the rows' }).click();

    // Step 3: the release type no term has, left unchosen, so that its row stays out.
    await dialog.getByRole('heading', { name: 'Values', exact: true }).waitFor();
    const unknownType = dialog.getByLabel(
      `Read “${BAD_ROWS.unknownReleaseType.value}” in column “Тип освобождения” as`,
    );
    expect(await unknownType.inputValue()).toBe('');
    await dialog.getByRole('button', { name: 'Check the rows' }).click();

    // Step 4: the dry run lists the three bad rows; nothing is in the vault yet.
    await dialog.getByRole('heading', { name: 'Dry run' }).waitFor();
    const report = dialog.getByRole('region', { name: 'Problems by row' });
    const rows = report.getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    const reportText = (await report.textContent()) ?? '';
    expect(reportText).toContain(BAD_ROWS.badDate.value);
    expect(reportText).toContain('This is not a date Vigil can read');
    expect(reportText).toContain(BAD_ROWS.unknownReleaseType.value);
    expect(reportText).toContain('Vigil does not know this value');
    expect(reportText).toContain('This row needs a value here, and the cell is empty');
    for (const bad of Object.values(BAD_ROWS)) {
      expect(await rows.filter({ hasText: new RegExp(`^${bad.row}`) }).count()).toBe(1);
    }
    expect(reportText).not.toMatch(/use YYYY|not one of the allowed|a name is required/);
    expect(await dialog.getByRole('button', { name: 'Import all rows' }).isDisabled()).toBe(true);
    expect(await dialog.textContent()).toContain('3 rows have errors');
    expect(await people(page).count()).toBe(0);

    await dialog
      .getByRole('button', { name: `Import only valid rows (${table.validRows})` })
      .click();
    await expect
      .poll(() => dialog.getByRole('status').last().textContent())
      .toBe(
        `Imported ${table.validRows} rows: ${table.validRows} people, ${table.releases} events. Skipped 3.`,
      );
    await dialog.getByRole('button', { name: 'Close import' }).click();
    await expect.poll(() => shownCount(page)).toBe(`${table.validRows} people`);

    // The file has the name in Cyrillic only; a Latin spelling finds it.
    await search(page, SEARCHED.latin);
    await expect.poll(() => shownCount(page)).toBe('1 person');
    await people(page)
      .getByRole('button', { name: new RegExp(SEARCHED.name) })
      .click();
    await expect
      .poll(() => page.getByLabel('Name', { exact: true }).inputValue())
      .toBe(SEARCHED.name);

    // A release, through the timeline form.
    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByLabel('Event type').selectOption({ label: 'Release' });
    await page.getByLabel('Date', { exact: true }).fill('2024-09-11');
    await page.getByLabel('Release type').selectOption({ label: 'Pardon' });
    await page.getByRole('button', { name: 'Save event' }).click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect.poll(() => timeline.textContent()).toContain('Pardon');

    await timeline.getByRole('button', { name: 'History' }).click();
    const history = page.getByRole('dialog', { name: 'History: Release, 11 Sep 2024' });
    await history.waitFor();
    const historyRows = history.getByRole('row');
    await expect.poll(() => historyRows.count()).toBe(2);
    expect(await historyRows.nth(1).textContent()).toMatch(/This computer.*Record created/);
    await history.getByRole('button', { name: 'Close history' }).click();

    // The person's own history: created by the import on this computer.
    await page
      .getByRole('form', { name: SEARCHED.name })
      .getByRole('button', { name: 'History' })
      .click();
    const personHistory = page.getByRole('dialog', { name: `History: ${SEARCHED.name}` });
    await expect.poll(() => personHistory.textContent()).toContain('This computer');
  });

  it('exports the people the list shows for publication, leaving out never-publish cases and withheld names as it says, and everyone only on purpose', async () => {
    const { page } = await start();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    const plain = 'Зоя Экспартава';
    const formula = '=HYPERLINK("http://example.invalid/","open")';
    const withheld = 'Вера Схаваная';
    const never = 'Ніна Ніколі';
    await addPersonThroughUi(page, plain, 'May be published, with the name');
    await addPersonThroughUi(page, formula, 'May be published, with the name');
    await addPersonThroughUi(
      page,
      withheld,
      'Name withheld: the case may be published without the name',
    );
    await addPersonThroughUi(page, never, 'Never publish: the case stays in this vault');
    const file = path.join(tempDir(), 'people.csv');

    // Only the people matching the search.
    await search(page, 'Зоя');
    await expect.poll(() => shownCount(page)).toBe('1 person');
    await openExportDialog(page);
    const dialog = page.getByRole('dialog', { name: 'Export records' });
    expect(await dialog.getByRole('note').textContent()).toContain(
      'The exported file is NOT encrypted. Anyone who gets it can read every name in it.',
    );
    const audience = dialog.getByRole('group', { name: 'Who is this file for' });
    expect(await audience.getByLabel(/^Publication/).isChecked()).toBe(true);
    await pick(dialog.getByLabel('File', { exact: true }), file);
    await dialog.getByLabel('Format').selectOption({ label: 'CSV' });
    await dialog.getByLabel('What').selectOption({ label: 'People' });
    await dialog.getByLabel('People matching the current search and filters').check();
    await expect.poll(() => dialog.textContent()).toContain('The list shows 1 person now.');
    await expect
      .poll(() => audience.textContent())
      .toContain('No case is left out or shown under a pseudonym');
    const submit = dialog.getByRole('button', { name: 'Export', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    expect(existsSync(file)).toBe(false);
    await dialog.getByLabel('I understand the file is not encrypted').check();
    await submit.click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toContain(`Exported 1 row to ${path.basename(file)}`);
    const first = readFileSync(file, 'utf8');
    expect(first).toContain(plain);
    expect(first).not.toContain('HYPERLINK');

    // Everyone, for publication, into the same file: the dialog says what it leaves out, and
    // asks before replacing the file.
    await dialog.getByLabel('All people').check();
    await expect
      .poll(() => audience.textContent())
      .toContain(
        '1 case is left out because its consent says never publish, and 1 case appears under a pseudonym, without name, birth day and month or notes, because its consent withholds the name.',
      );
    await submit.click();
    const replace = page.getByRole('dialog', { name: 'Replace the existing file?' });
    await replace.getByRole('button', { name: 'Replace file' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toContain(`Exported 3 rows to ${path.basename(file)}`);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain(plain);
    expect(csv).not.toContain(never);
    expect(csv).not.toContain(withheld);
    expect(csv).toMatch(/^,Case \d{5}-\d{5},/m);
    // The cell is quoted (it holds commas and quotes) and starts with an apostrophe.
    expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid/"",""open"")"`);
    expect(csv).not.toMatch(/(^|[,\n])"?=HYPERLINK/m);

    // An internal file holds everyone, only once the user confirms it includes never-publish cases.
    await audience.getByLabel(/^Internal use only/).check();
    await expect
      .poll(() => audience.textContent())
      .toContain(
        'This internal file holds every case as recorded, with names, including 1 case marked never publish.',
      );
    expect(await submit.isDisabled()).toBe(true);
    await audience
      .getByLabel('I understand this internal file includes cases marked never publish')
      .check();
    await submit.click();
    await page
      .getByRole('dialog', { name: 'Replace the existing file?' })
      .getByRole('button', { name: 'Replace file' })
      .click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toContain(`Exported 4 rows to ${path.basename(file)}`);
    const internal = readFileSync(file, 'utf8');
    expect(internal).toContain(never);
    expect(internal).toContain(withheld);
  });

  it('fills a new vault with invented demo cases, and offers demo data only for an empty vault', async () => {
    const { page } = await start();
    await createDemoVaultThroughUi(page, path.join(tempDir(), 'vault'), '100');
    await expect.poll(() => noticeStatus(page).textContent()).toContain('100 invented demo cases');
    await expect.poll(() => shownCount(page)).toBe('100 people');

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await expect
      .poll(() => settings.textContent())
      .toContain('Demo data can only go into an empty vault');
    expect(await settings.getByRole('button', { name: 'Load demo data' }).isDisabled()).toBe(true);
  });
});
