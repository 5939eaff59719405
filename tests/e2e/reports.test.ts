import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../browser-host/host';
import type { CasesResult, Figure } from '../../core/api/figures';
import { createVaultThroughUi, launchApp } from '../helpers/browserHost';
import { pdfText } from '../helpers/pdf';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const running: BrowserHost[] = [];

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

/** Calls the core directly, as the page's bridge does, and unwraps the answer. */
async function call<T>(app: BrowserHost, method: string, args: unknown): Promise<T> {
  const result = await app.core.call(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
  return result.value as T;
}

const AS_OF = '2024-12-31';

/** December in Belarusian as a date says it ("31 снежня"), from Node's ICU, not ours. */
const BELARUSIAN_DECEMBER =
  new Intl.DateTimeFormat('be', { day: 'numeric', month: 'long', timeZone: 'UTC' })
    .formatToParts(new Date(Date.UTC(2024, 11, 31)))
    .find((part) => part.type === 'month')?.value ?? '';

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
  await save.getByLabel('File path').fill(file);
  await save.getByLabel('I understand the file is not encrypted').check();
  await save.getByRole('button', { name: 'Save report' }).click();
  await expect
    .poll(async () => (await save.getByRole('status').textContent()) ?? '')
    .toMatch(new RegExp(`^Saved a PDF of \\d+ pages? to ${file.replace(/[.\\]/g, '\\$&')}`));
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
    expect(await figures.getByLabel('As of', { exact: true }).inputValue()).toBe(AS_OF);
    expect(await figures.getByLabel('Releases from').inputValue()).toBe('2021');
    expect(await figures.getByLabel('Releases to').inputValue()).toBe(AS_OF);
    await figures.getByLabel('Report language').selectOption({ label: 'Беларуская' });
    await expect
      .poll(
        async () =>
          (await figures.getByRole('region', { name: /^Preview of / }).textContent()) ?? '',
      )
      .toContain(BELARUSIAN_DECEMBER);
    const figuresFile = path.join(out, 'figures-be.pdf');
    const figuresSentence = await saveAsPdf(figures, figuresFile);
    expect(figuresSentence).toMatch(/\.$/);

    const figuresText = pdfText(figuresFile).replace(/\s+/g, ' ');
    expect(figuresText).toContain(`31 ${BELARUSIAN_DECEMBER} 2024`);
    expect(figuresText).toMatch(new RegExp(`(^|\\D)${inCustody}(\\D|$)`));
    expect(figuresText).toMatch(new RegExp(`(^|\\D)${atRisk}(\\D|$)`));
    expect(figuresText).toContain('Старонка 1 з');
    await figures.getByRole('button', { name: 'Close report' }).click();

    // A list report of the cases behind the in-custody number, from its drill-down.
    const custody = await call<Figure>(app, 'figureInCustody', { asOf: AS_OF });
    expect(custody.value).toBe(inCustody);
    const cases = await call<CasesResult>(app, 'figureCases', { personIds: custody.personIds });
    const neverPublish = cases.items.filter((c) => c.consent === 'never_publish');
    const withheld = cases.items.filter((c) => c.consent === 'withhold_name');
    const published = cases.items.filter((c) => c.consent === 'publish');
    expect(neverPublish.length).toBeGreaterThan(0);
    expect(withheld.length).toBeGreaterThan(0);

    await page
      .getByRole('region', { name: 'In custody', exact: true })
      .getByRole('button', { name: /^Show the cases/ })
      .click();
    const drill = page.getByRole('dialog', { name: /^In custody as of 31 Dec 2024: / });
    await drill.getByRole('button', { name: 'Report of this list' }).click();
    const list = page.getByRole('dialog', { name: 'List report' });
    await list.getByRole('heading', { name: 'Preview' }).waitFor();
    const listFile = path.join(out, 'in-custody.pdf');
    const listSentence = await saveAsPdf(list, listFile);
    expect(listSentence).toBe(
      `${neverPublish.length} cases are left out because their consent says never publish, and ` +
        `${withheld.length} cases appear under pseudonyms, without names, birth days and months ` +
        'or notes, because their consent withholds the name.',
    );

    const listText = pdfText(listFile).replace(/\s+/g, ' ');
    // Surnames: a cell may wrap a long name, never inside a word.
    const surname = (name: string) => name.split(' ')[0] ?? name;
    for (const person of published.slice(0, 10)) expect(listText).toContain(surname(person.name));
    for (const person of [...neverPublish, ...withheld])
      expect(listText).not.toContain(person.name.split(' ').slice(0, 2).join(' '));
    expect(app.blockedRequests).toEqual([]);
  });
});
