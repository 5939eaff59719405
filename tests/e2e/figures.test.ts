import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../browser-host/host';
import type { ThesaurusTerm } from '../../core/api/records';
import { DEFINITIONS } from '../../core/api/figureDefinitions';
import type { BreakdownResult, Figure, ReleasesResult } from '../../core/api/figures';
import { createVaultThroughUi, launchApp, coreCall as call } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const running: BrowserHost[] = [];

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

/** Calls the core directly, as the page's bridge does, and unwraps the answer. */
const AS_OF = '2024-12-31';

describe('figures dashboard through the browser host', () => {
  it('opens on demo data, follows the as-of date and lists the cases behind a bar', async () => {
    const app = await launchApp(tempDir());
    running.push(app);
    const { page } = app;
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await call(app, 'loadDemoData', { persons: 300 });
    // The page shows what the core holds once it asks again.
    await page.reload();
    await page.getByRole('button', { name: 'Add person' }).waitFor();

    await page.getByRole('button', { name: 'Figures', exact: true }).click();
    await page.getByRole('heading', { name: 'Figures', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Releases by year and type' }).waitFor();

    // The as-of date and the release window drive every figure.
    await page.getByLabel('As of', { exact: true }).fill(AS_OF);
    await page.getByLabel('As of', { exact: true }).press('Enter');
    await page.getByLabel('From', { exact: true }).fill('2021');
    await page.getByLabel('To', { exact: true }).fill('2024');
    const inCustody = await call<Figure>(app, 'figureInCustody', { asOf: AS_OF });
    const custodyCard = page.getByRole('region', { name: 'In custody', exact: true });
    await expect
      .poll(() => custodyCard.textContent())
      .toContain(`At least ${inCustody.value.toLocaleString('en')} in custody as of 31 Dec 2024`);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Figures', exact: true })
          .getByRole('status')
          .textContent(),
      )
      .toBe('');

    // A bar segment whose number of releases is also its number of people, and certain.
    const releases = await call<ReleasesResult>(app, 'figureReleases', {
      from: '2021',
      to: AS_OF,
    });
    const cell = releases.cells
      .filter(
        ({ figure }) =>
          figure.value > 0 &&
          figure.upperBound === figure.value &&
          figure.personIds.length === figure.value,
      )
      .sort((a, b) => b.figure.value - a.figure.value)[0];
    expect(cell).toBeDefined();
    const types = await call<ThesaurusTerm[]>(app, 'listThesaurus', {
      thesaurus: 'release_type',
      includeDeprecated: true,
    });
    const typeLabel = types.find((term) => term.code === cell!.releaseType)?.labelEn;
    expect(typeLabel).toBeDefined();
    const title = `${typeLabel}, released in ${cell!.period}: ${cell!.figure.value}`;

    const chart = page.getByRole('group', { name: /^Stacked bar chart of releases/ });
    const bar = chart.getByRole('button', { name: title, exact: true });
    await bar.click();

    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    const list = dialog.getByRole('list', { name: 'Counted cases' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(cell!.figure.value);
    await expect
      .poll(() => dialog.getByRole('heading', { level: 3 }).first().textContent())
      .toBe(`Counted: ${cell!.figure.value} ${cell!.figure.value === 1 ? 'person' : 'people'}`);
    expect(
      await dialog.getByRole('list', { name: 'Cases that may also belong here' }).count(),
    ).toBe(0);

    // A case in the list opens in the case view.
    await list.getByRole('button').first().click();
    await page.getByRole('button', { name: 'Back to cases' }).waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'People' }).waitFor();
    expect(app.blockedRequests).toEqual([]);
  });

  it('answers a custom count by region and sex, with the in-custody figure as its total, and by stage', async () => {
    const app = await launchApp(tempDir());
    running.push(app);
    const { page } = app;
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await call(app, 'loadDemoData', { persons: 200 });
    await page.reload();
    await page.getByRole('button', { name: 'Add person' }).waitFor();
    await page.getByRole('button', { name: 'Figures', exact: true }).click();
    await page.getByLabel('As of', { exact: true }).fill(AS_OF);
    await page.getByLabel('As of', { exact: true }).press('Enter');

    await page.getByLabel('Rows', { exact: true }).selectOption({ label: 'Region' });
    await page.getByLabel('Columns', { exact: true }).selectOption({ label: 'Sex' });
    const inCustody = await call<Figure>(app, 'figureInCustody', { asOf: AS_OF });
    await page.getByRole('table', { name: 'Custom count' }).waitFor();
    // The grand total sits under the table, worded like the cells.
    const total = page.getByRole('button', { name: /^In custody on 31 Dec 2024: / });
    await expect
      .poll(async () => (await total.last().textContent()) ?? '')
      .toContain(inCustody.value.toLocaleString('en'));
    await total.last().click();
    const list = page
      .getByRole('dialog', { name: /^In custody on 31 Dec 2024: / })
      .getByRole('list', { name: 'Counted cases' });
    await expect
      .poll(() => list.getByRole('listitem').count())
      .toBe(Math.min(inCustody.value, 100));
    await page
      .getByRole('dialog', { name: /^In custody on 31 Dec 2024: / })
      .getByRole('button', { name: 'Close' })
      .click();

    // The procedural stage: a table of the dashboard, and rows of the custom count whose cases
    // come with the stage's definition.
    const stage = await call<BreakdownResult>(app, 'figureBreakdown', {
      asOf: AS_OF,
      dimension: 'stage',
    });
    const stageTable = page.getByRole('table', { name: 'By procedural stage' });
    await expect
      .poll(() => stageTable.getByRole('rowheader').allTextContents())
      .toEqual(['Pre-trial', 'Convicted']);
    await page.getByLabel('Rows', { exact: true }).selectOption({ label: 'Procedural stage' });
    await page.getByLabel('Columns', { exact: true }).selectOption({ label: 'None' });
    const pivot = page.getByRole('table', { name: 'Custom count' });
    await expect
      .poll(() => pivot.getByRole('rowheader').allTextContents())
      .toEqual(['Pre-trial', 'Convicted']);
    const convicted = stage.cells.find((cell) => cell.key === 'convicted')!.figure;
    expect(convicted.value).toBeGreaterThan(0);
    const convictedTitle = /^In custody, Convicted, on 31 Dec 2024: /;
    const convictedButton = pivot.getByRole('button', { name: convictedTitle });
    await expect
      .poll(async () => (await convictedButton.textContent()) ?? '')
      .toContain(convicted.value.toLocaleString('en'));
    await convictedButton.click();
    const dialog = page.getByRole('dialog', { name: convictedTitle });
    await expect
      .poll(() => dialog.getByRole('list', { name: 'Counted cases' }).getByRole('listitem').count())
      .toBe(Math.min(convicted.value, 100));
    expect(await dialog.textContent()).toContain(DEFINITIONS.procedural_stage);
  });
});
