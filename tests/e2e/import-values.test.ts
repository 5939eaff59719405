import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../core/api/figures';
import type { Person, PersonFile } from '../../core/api/records';
import {
  createVaultThroughUi,
  useApps,
  openImportDialog,
  shownCount,
  coreCall as call,
  pick,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();

const start = useApps(tempDir);

/**
 * Invented persons keyed by the organisation's list number, with regions written as people
 * write them: two spellings no thesaurus term has ("Гомельская вобл.", "Mahilioŭ region") and
 * two that are Russian labels of terms. Every person has an arrest date.
 */
const PERSONS = [
  ['List no.', 'ФИО', 'Дата рождения', 'Регион', 'Дата ареста'],
  ['101', 'Ганна Лесніч', '1961-03', 'Гомельская вобл.', '12.03.2021'],
  ['102', 'Алесь Мароз', '1980', 'Mahilioŭ region', '2020-09-01'],
  ['103', 'Зоя Бор', '1990', 'Гомельская вобл.', '2021-06-10'],
  ['104', 'Пётр Сом', '1975', 'Минская область', '2022-01-15'],
  ['105', 'Юлія Вер', '1988', 'Mahilioŭ region', '2021-11-02'],
  ['106', 'Ігар Клён', '1970', 'Гомельская область', '2020-12-20'],
];

/** Custody events that name their person only by list number. */
const EVENTS = [
  ['List no.', 'Type', 'Date', 'Release type'],
  ['103', 'release', '2023-05-01', 'помилование'],
  ['105', 'release', '2024-02-01', 'Amnesty'],
  ['102', 'transfer', '2022-01-01', ''],
];

/** Worked out by hand: 103 and 105 were released, the other four are held. */
const AS_OF = '2024-12-31';
const IN_CUSTODY = 4;
/** 101, 103 (mapped in the value step) and 106 (a Russian label). */
const GOMEL_REGION = 3;
/** 102 and 105, both mapped in the value step. */
const MOGILEV_REGION = 2;

const SCHEME = 'spring_list';

function csv(rows: string[][]): string {
  return `${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}

async function checkFile(dialog: Locator, file: string, shape: string): Promise<void> {
  await pick(dialog.getByLabel('File to import'), file);
  await dialog.getByLabel('Table shape').selectOption({ label: shape });
  await dialog.getByRole('button', { name: 'Check file' }).click();
  await dialog.getByRole('heading', { name: 'Columns', exact: true }).waitFor();
}

async function importValidRows(dialog: Locator, rows: number): Promise<void> {
  await dialog.getByRole('button', { name: `Import only valid rows (${rows})` }).click();
  await dialog.getByRole('heading', { name: 'Import finished' }).waitFor();
}

function resultText(dialog: Locator) {
  return dialog.locator('.import-result').getByRole('status').textContent();
}

function plan(dialog: Locator) {
  return dialog.getByText(/^What the import would do:/).textContent();
}

describe('importing a register keyed by its own list numbers, through the browser host', () => {
  it('maps two unknown region spellings in the value step, links events by list number and shows the figures worked out by hand', async () => {
    const app = await start();
    const { page } = app;
    const folder = tempDir();
    const personsFile = path.join(folder, 'persons.csv');
    const eventsFile = path.join(folder, 'events.csv');
    writeFileSync(personsFile, csv(PERSONS));
    writeFileSync(eventsFile, csv(EVENTS));
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));

    await openImportDialog(page);
    const dialog = page.getByRole('dialog', { name: 'Import records' });
    await checkFile(dialog, personsFile, 'Persons: one row per person');

    // The list number is an external id of a scheme the user names.
    expect(await dialog.getByLabel('Vigil field for column “List no.”').inputValue()).toBe(
      'externalId',
    );
    const scheme = dialog.getByLabel('Id scheme for column “List no.”');
    expect(await scheme.inputValue()).toBe('list');
    await scheme.fill(SCHEME);
    await dialog.getByRole('button', { name: 'Check the rows' }).click();

    // The value step: the two spellings no term has, with their row counts, nothing chosen.
    await dialog.getByRole('heading', { name: 'Values', exact: true }).waitFor();
    const values = dialog.getByRole('table', { name: 'Values to choose' });
    await expect.poll(() => values.getByRole('row').count()).toBe(3);
    const gomel = dialog.getByLabel('Read “Гомельская вобл.” in column “Регион” as');
    const mogilev = dialog.getByLabel('Read “Mahilioŭ region” in column “Регион” as');
    expect(await gomel.inputValue()).toBe('');
    expect(await mogilev.inputValue()).toBe('');
    // Cells: the column, the number of rows, the choice; the value itself heads the row.
    const gomelRow = values.getByRole('row').filter({ hasText: 'Гомельская вобл.' });
    expect(await gomelRow.getByRole('cell').nth(1).textContent()).toBe('2');
    await gomel.selectOption({ label: 'Gomel region' });
    await mogilev.selectOption({ label: 'Mogilev region' });
    expect(
      await dialog.getByRole('status').filter({ hasText: 'values chosen' }).textContent(),
    ).toBe('2 of 2 values chosen.');
    await dialog.getByRole('button', { name: 'Check the rows' }).click();

    // The dry run with the choices: every row imports, all of them new.
    await dialog.getByRole('heading', { name: 'Dry run' }).waitFor();
    await expect
      .poll(() => plan(dialog))
      .toBe('What the import would do: 6 new, 0 changed, 0 unchanged; 0 likely duplicates.');
    expect(await dialog.getByRole('button', { name: 'Import all rows' }).isDisabled()).toBe(false);
    // Saved with the value choices, so the next file of this kind needs no value step.
    await dialog.getByLabel('Save this mapping as…').fill('Spring list');
    await dialog.getByRole('button', { name: 'Save mapping' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Mapping “Spring list” saved.' }).waitFor();
    await importValidRows(dialog, 6);
    await expect
      .poll(() => resultText(dialog))
      .toBe('Imported 6 rows: 6 people, 6 events. Skipped 0.');

    // The events name their persons by list number of the same scheme.
    await dialog.getByRole('button', { name: 'Import another file' }).click();
    await checkFile(dialog, eventsFile, 'Events: one row per custody event or risk category');
    expect(await dialog.getByLabel('Vigil field for column “List no.”').inputValue()).toBe(
      'personExternalId',
    );
    await dialog.getByLabel('Id scheme for column “List no.”').fill(SCHEME);
    await dialog.getByRole('button', { name: 'Check the rows' }).click();
    await dialog.getByRole('heading', { name: 'Dry run' }).waitFor();
    await dialog.getByText('No problems found: every row can be imported.').waitFor();
    await importValidRows(dialog, 3);
    await expect.poll(() => resultText(dialog)).toBe('Imported 3 rows: 3 events. Skipped 0.');

    // The same person file again, with the saved mapping: no value step, nothing new.
    await dialog.getByRole('button', { name: 'Import another file' }).click();
    await checkFile(dialog, personsFile, 'Persons: one row per person');
    await dialog.getByLabel('Use a saved mapping').selectOption({ label: 'Spring list' });
    await dialog
      .getByRole('status')
      .filter({ hasText: 'Mapping “Spring list” applied.' })
      .waitFor();
    expect(await dialog.getByLabel('Id scheme for column “List no.”').inputValue()).toBe(SCHEME);
    await dialog.getByRole('button', { name: 'Check the rows' }).click();
    await dialog.getByRole('heading', { name: 'Dry run' }).waitFor();
    await expect
      .poll(() => plan(dialog))
      .toBe('What the import would do: 0 new, 0 changed, 6 unchanged; 0 likely duplicates.');
    await dialog.getByRole('button', { name: 'Close import' }).click();

    // The person list by region: the mapped spellings count where they were mapped to.
    await expect.poll(() => shownCount(page)).toBe('6 people');
    const region = page.getByLabel('Filter by region');
    await region.selectOption({ label: 'Gomel region' });
    await expect.poll(() => shownCount(page)).toBe(`${GOMEL_REGION} people`);
    await region.selectOption({ label: 'Mogilev region' });
    await expect.poll(() => shownCount(page)).toBe(`${MOGILEV_REGION} people`);

    // The dashboard: the releases linked by list number leave four in custody.
    await page.getByRole('button', { name: 'Figures', exact: true }).click();
    await page.getByRole('heading', { name: 'Figures', exact: true }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(AS_OF);
    await page.getByLabel('As of', { exact: true }).press('Enter');
    const custodyCard = page.getByRole('region', { name: 'In custody', exact: true });
    await expect
      .poll(() => custodyCard.textContent())
      .toContain(`At least ${IN_CUSTODY} in custody as of 31 Dec 2024`);
    const inCustody = await call<Figure>(app, 'figureInCustody', { asOf: AS_OF });
    expect(inCustody.value).toBe(IN_CUSTODY);
    expect(app.blockedRequests).toEqual([]);
  });

  it('skips likely duplicates of a file without ids unless merged, and links an event to the namesake the user chooses', async () => {
    const app = await start();
    const { page } = app;
    const folder = tempDir();
    // Namesakes born the same day, told apart only by their list numbers.
    const first = path.join(folder, 'first.csv');
    writeFileSync(
      first,
      csv([
        ['List no.', 'Name', 'Birth date', 'Occupation'],
        ['105', 'Пётр Сом', '1970-01-01', 'teacher'],
        ['106', 'Пётр Сом', '1970-01-01', 'driver'],
        ['107', 'Зоя Бор', '1990', ''],
      ]),
    );
    // A later copy kept without the list numbers: one person again, one new.
    const later = path.join(folder, 'later.csv');
    writeFileSync(
      later,
      csv([
        ['Name', 'Birth date', 'Occupation'],
        ['Зоя Бор', '1990', 'nurse'],
        ['Янка Новы', '1985', ''],
      ]),
    );
    const events = path.join(folder, 'events.csv');
    writeFileSync(
      events,
      csv([
        ['Person name', 'Person birth date', 'Type', 'Date'],
        ['Пётр Сом', '1970-01-01', 'арест', '2021-05-01'],
      ]),
    );
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await openImportDialog(page);
    const dialog = page.getByRole('dialog', { name: 'Import records' });

    await checkFile(dialog, first, 'Persons: one row per person');
    await dialog.getByRole('button', { name: 'Check the rows' }).click();
    await dialog.getByRole('heading', { name: 'Dry run' }).waitFor();
    await dialog.getByRole('button', { name: 'Import all rows' }).click();
    await expect.poll(() => resultText(dialog)).toBe('Imported 3 rows: 3 people. Skipped 0.');

    // The likely duplicate is skipped unless the user says otherwise.
    await dialog.getByRole('button', { name: 'Import another file' }).click();
    await checkFile(dialog, later, 'Persons: one row per person');
    await dialog.getByRole('button', { name: 'Check the rows' }).click();
    await dialog.getByRole('heading', { name: 'Dry run' }).waitFor();
    await expect
      .poll(() => plan(dialog))
      .toBe('What the import would do: 1 new, 0 changed, 0 unchanged; 1 likely duplicate.');
    const duplicates = dialog.getByRole('region', { name: 'Likely duplicates' });
    expect(await duplicates.getByLabel('Skip the row').isChecked()).toBe(true);
    await duplicates
      .getByLabel('Likely duplicate in row 2')
      .selectOption({ label: 'Merge into the person in the vault' });
    // The counts shown no longer match the choice: no import until the rows are checked again.
    const importAll = dialog.getByRole('button', { name: 'Import all rows' });
    expect(await importAll.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Check the rows again' }).click();
    await expect
      .poll(() => plan(dialog))
      .toBe('What the import would do: 1 new, 1 changed, 0 unchanged; 1 likely duplicate.');
    expect(await importAll.isDisabled()).toBe(false);
    await importAll.click();
    await dialog.getByRole('heading', { name: 'Import finished' }).waitFor();

    // An event naming the namesakes: the user picks list number 106.
    await dialog.getByRole('button', { name: 'Import another file' }).click();
    await checkFile(dialog, events, 'Events: one row per custody event or risk category');
    await dialog.getByRole('button', { name: 'Check the rows' }).click();
    await dialog.getByRole('heading', { name: 'Dry run' }).waitFor();
    const links = dialog.getByRole('region', { name: 'Rows that match several people' });
    const person = links.getByLabel('Person for row 2');
    expect(await person.locator('option').allTextContents()).toEqual([
      'Choose a person…',
      'Пётр Сом, born 1 Jan 1970; list: 105',
      'Пётр Сом, born 1 Jan 1970; list: 106',
    ]);
    expect(await importAll.isDisabled()).toBe(true);
    await person.selectOption({ label: 'Пётр Сом, born 1 Jan 1970; list: 106' });
    await dialog.getByRole('button', { name: 'Check the rows again' }).click();
    await expect.poll(() => importAll.isDisabled()).toBe(false);
    await importAll.click();
    await expect.poll(() => resultText(dialog)).toBe('Imported 1 row: 1 event. Skipped 0.');
    await dialog.getByRole('button', { name: 'Close import' }).click();

    // Four people, Зоя Бор once and updated; the arrest on the chosen namesake only.
    await expect.poll(() => shownCount(page)).toBe('4 people');
    const listed = await call<{ items: { id: string }[] }>(app, 'listPersons', { limit: 10 });
    const persons = await Promise.all(
      listed.items.map(({ id }) => call<Person>(app, 'getPerson', { id })),
    );
    expect(persons.filter((p) => p.name === 'Зоя Бор').map((p) => p.occupation)).toEqual(['nurse']);
    const arrests = async (externalId: string) => {
      const holder = persons.find((p) => p.externalIds.includes(externalId));
      if (!holder) throw new Error(`no person with ${externalId}`);
      const file = await call<PersonFile>(app, 'getPersonFile', { id: holder.id });
      return file.custodyEvents.length;
    };
    expect(await arrests('list:105')).toBe(0);
    expect(await arrests('list:106')).toBe(1);
  });
});
