import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../browser-host/host';
import type { CaseSummary, CasesResult, Figure } from '../../core/api/figures';
import type { PersonFile } from '../../core/api/records';
import { createVaultThroughUi, launchApp, coreCall as call, pick } from '../helpers/browserHost';
import { pdfText } from '../helpers/pdf';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const running: BrowserHost[] = [];

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

/** Calls the core directly, as the page's bridge does, and unwraps the answer. */
const AS_OF = '2024-12-31';

/** December in Belarusian as a date says it ("31 снежня"), from Node's ICU, not ours. */
const BELARUSIAN_DECEMBER =
  new Intl.DateTimeFormat('be', { day: 'numeric', month: 'long', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2024, 11, 31)))
    .find((part) => part.type === 'month')?.value ?? '';

/** "палітвязень", "палітвязні", "палітвязняў": the form Belarusian takes after `count`. */
function prisoners(count: number): string {
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {
    one: 'палітвязень',
    few: 'палітвязні',
    many: 'палітвязняў',
  };
  return forms[new Intl.PluralRules('be').select(count)] ?? '';
}

/**
 * A case held on the as-of date whose custody events are all dated to the day before it, so
 * that a release on that day certainly takes them out of the in-custody figure.
 */
async function heldUntilAsOf(app: BrowserHost, cases: CaseSummary[]): Promise<CaseSummary> {
  for (const candidate of cases) {
    const file = await call<PersonFile>(app, 'getPersonFile', { id: candidate.id });
    const dates = file.custodyEvents.map((event) => event.date);
    if (dates.every((date) => typeof date === 'string' && date.length === 10 && date < AS_OF))
      return candidate;
  }
  throw new Error('no case held with exact dates only');
}

/** The number in a headline card once the dashboard shows the figures for the as-of date. */
async function headlineNumber(page: Page, card: string, pattern: RegExp): Promise<number> {
  const region = page.getByRole('region', { name: card, exact: true });
  await expect.poll(async () => pattern.test((await region.textContent()) ?? '')).toBe(true);
  const match = pattern.exec((await region.textContent()) ?? '');
  return Number((match?.[1] ?? '').replace(/,/g, ''));
}

/** Saves the report the dialog shows as a PDF at `file`, once it has said what leaves the vault. */
async function saveAsPdf(dialog: Locator, file: string): Promise<string> {
  const save = dialog.getByRole('form', { name: 'Save the report' });
  const disclosure = save.getByRole('note').filter({ hasText: 'What leaves the vault' });
  await expect
    .poll(async () => (await disclosure.textContent())?.includes('once the preview is ready'))
    .toBe(false);
  const sentence = ((await disclosure.textContent()) ?? '').replace('What leaves the vault', '');
  await pick(save.getByLabel('File', { exact: true }), file);
  await save.getByLabel('I understand the file is not encrypted').check();
  await save.getByRole('button', { name: 'Save report' }).click();
  await expect
    .poll(async () => (await save.getByRole('status').textContent()) ?? '')
    .toMatch(
      new RegExp(`^Saved a PDF of \\d+ pages? to ${path.basename(file).replace(/[.\\]/g, '\\$&')}`),
    );
  return sentence;
}

describe('reports through the browser host', () => {
  it('saves a figures report in Belarusian and a list report of a drill-down from the dashboard', async () => {
    const app = await launchApp(tempDir());
    running.push(app);
    const { page } = app;
    const out = tempDir();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await call(app, 'loadDemoData', { persons: 300 });
    await page.reload();
    await page.getByRole('button', { name: 'Add person' }).waitFor();

    await page.getByRole('button', { name: 'Figures', exact: true }).click();
    await page.getByLabel('As of', { exact: true }).fill(AS_OF);
    await page.getByLabel('As of', { exact: true }).press('Enter');
    await page.getByLabel('From', { exact: true }).fill('2021');
    await page.getByLabel('To', { exact: true }).fill('2024');
    const inCustody = await headlineNumber(
      page,
      'In custody',
      /At least ([\d,]+) in custody as of 31 Dec 2024/,
    );
    const atRisk = await headlineNumber(
      page,
      'At special risk',
      /At least ([\d,]+) at special risk as of 31 Dec 2024/,
    );

    // The figures report starts from what the dashboard shows.
    await page.getByRole('button', { name: 'Report…' }).click();
    const figures = page.getByRole('dialog', { name: 'Figures report' });
    // Dates show as the interface writes them.
    expect(await figures.getByLabel('As of', { exact: true }).inputValue()).toBe('31 Dec 2024');
    expect(await figures.getByLabel('Releases from').inputValue()).toBe('2021');
    expect(await figures.getByLabel('Releases to').inputValue()).toBe('31 Dec 2024');
    await figures.getByLabel('Report language').selectOption({ label: 'Беларуская' });
    // The preview is in a shadow root, which Playwright's CSS locators enter.
    const preview = figures.getByRole('region', { name: /^Preview of / }).locator('.report');
    await expect
      .poll(async () => (await preview.textContent()) ?? '')
      .toContain(`31 ${BELARUSIAN_DECEMBER} 2024`);
    const figuresFile = path.join(out, 'figures-be.pdf');
    expect(await saveAsPdf(figures, figuresFile)).toBe(
      'The file holds figures only: it names no case and lists none.',
    );

    // The dashboard's numbers, worded in Belarusian with the plural Node's ICU picks.
    const figuresText = pdfText(figuresFile).replace(/\s+/g, ' ');
    expect(figuresText).toContain(`Не менш як ${inCustody} ${prisoners(inCustody)} пад вартай`);
    expect(figuresText).toContain(
      `Не менш як ${atRisk} ${prisoners(atRisk)} у групе асаблівай рызыкі`,
    );
    expect(figuresText).toContain(`Па стане на 31 ${BELARUSIAN_DECEMBER} 2024`);
    expect(figuresText).toContain('Старонка 1 з');
    await figures.getByRole('button', { name: 'Close report' }).click();

    // A list report of the cases behind the in-custody number, from its drill-down.
    const custody = await call<Figure>(app, 'figureInCustody', { asOf: AS_OF });
    expect(custody.value).toBe(inCustody);
    const cases = await call<CasesResult>(app, 'figureCases', { personIds: custody.personIds });
    const neverPublish = cases.items.filter((c) => c.consent === 'never_publish');
    const withheld = cases.items.filter((c) => c.consent === 'withhold_name');
    const published = cases.items.filter((c) => c.consent === 'publish');
    // The sentence below is worded for more than one of each.
    expect(neverPublish.length).toBeGreaterThan(1);
    expect(withheld.length).toBeGreaterThan(1);

    await page
      .getByRole('region', { name: 'In custody', exact: true })
      .getByRole('button', { name: /^Show the cases/ })
      .click();
    const drill = page.getByRole('dialog', { name: /^In custody as of 31 Dec 2024: / });
    await drill.getByRole('button', { name: 'Report of this list' }).click();
    const list = page.getByRole('dialog', { name: 'List report' });
    const listFile = path.join(out, 'in-custody.pdf');
    expect(await saveAsPdf(list, listFile)).toBe(
      `${neverPublish.length} cases are left out because their consent says never publish, and ` +
        `${withheld.length} cases appear under pseudonyms, without names, birth days and months ` +
        'or notes, because their consent withholds the name.',
    );

    // An English list names people in Latin script where it is recorded. A cell may wrap a
    // long name between words, so the surname is looked for, and the first two words of a name
    // that must not be there.
    const listText = pdfText(listFile).replace(/\s+/g, ' ');
    const shown = (c: CaseSummary) => c.nameLatin || c.name;
    for (const person of published) expect(listText).toContain(shown(person).split(' ')[0]);
    for (const person of [...neverPublish, ...withheld]) {
      for (const name of [person.name, person.nameLatin].filter(Boolean))
        expect(listText).not.toContain(name.split(' ').slice(0, 2).join(' '));
    }
    expect(listText.match(/Case \d{5}-\d{5}/g)?.length).toBe(withheld.length);
    await list.getByRole('button', { name: 'Close report' }).click();
    await drill.getByRole('button', { name: 'Close', exact: true }).click();

    // A release recorded since: the published figures say who left the number, and why.
    const released = await heldUntilAsOf(app, published);
    await call(app, 'createRecord', {
      kind: 'custodyEvent',
      fields: { personId: released.id, type: 'release', date: AS_OF, releaseType: 'pardon' },
    });
    await page.getByRole('button', { name: 'Published figures' }).click();
    const snapshots = page.getByRole('dialog', { name: 'Published figures' });
    await snapshots.getByRole('button', { name: /^Compare “.+” of .+ with today$/ }).click();
    const changes = snapshots.getByRole('list', { name: 'Figures that changed' });
    await expect
      .poll(async () => (await changes.textContent()) ?? '')
      .toContain(`In custody: ${inCustody} then, ${inCustody - 1} now.`);
    expect(await changes.textContent()).toContain(`${released.name} left: a record was added.`);
    expect(app.blockedRequests).toEqual([]);
  });
});
