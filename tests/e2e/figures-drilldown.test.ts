import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../core/api/figures';
import { coreCall as call, createVaultThroughUi, useApps } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const start = useApps(tempDir);

const AS_OF = '2024-12-31';

/** A vault with the demo register, on the figures dashboard once its numbers have arrived. */
async function dashboardOnDemoData() {
  const app = await start();
  const { page } = app;
  await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
  await call(app, 'loadDemoData', { persons: 300 });
  await page.reload();
  await page.getByRole('button', { name: 'Add person' }).waitFor();
  await page.getByRole('button', { name: 'Figures', exact: true }).click();
  await page.getByRole('heading', { name: 'Releases by year and type' }).waitFor();
  return app;
}

function dashboard(page: Page) {
  return page.getByRole('region', { name: 'Figures', exact: true });
}

async function settled(page: Page) {
  await expect.poll(() => dashboard(page).getByRole('status').textContent()).toBe('');
}

describe('the figures dashboard keeps its context', () => {
  it('comes back from a case with the same date, filter, drill-down list and scroll', async () => {
    const app = await dashboardOnDemoData();
    const { page } = app;
    const controls = page.getByRole('form', { name: 'Date and filters of the figures' });
    await controls.getByLabel('As of', { exact: true }).fill(AS_OF);
    await controls.getByLabel('As of', { exact: true }).press('Enter');
    await controls.getByLabel('Sex', { exact: true }).selectOption({ label: 'Male' });
    await settled(page);

    const inCustody = await call<Figure>(app, 'figureInCustody', {
      asOf: AS_OF,
      filters: { sex: 'male' },
    });
    expect(inCustody.personIds.length).toBeGreaterThan(20);
    await dashboard(page)
      .getByRole('button', { name: /^Show the cases\W+In custody as of/ })
      .click();
    const dialog = page.getByRole('dialog', { name: /^In custody as of/ });
    const list = dialog.getByRole('list', { name: 'Counted cases' });
    const shown = Math.min(inCustody.personIds.length, 100);
    await expect.poll(() => list.getByRole('listitem').count()).toBe(shown);

    // Sorted by name (root order for English), the withheld names after all the others.
    const names = (await list.locator('.figures-case-name').allTextContents()).filter(Boolean);
    const withheld = names.filter((name) => name.startsWith('Name withheld'));
    const named = names.slice(0, names.length - withheld.length);
    expect(names.slice(named.length)).toEqual(withheld);
    expect(named).toEqual([...named].sort(new Intl.Collator('en').compare));

    // Scroll the list down and open a case from the middle of it.
    const scrolled = await dialog.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
      return element.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(100);
    const chosen = list.getByRole('button').nth(Math.floor(shown / 2));
    const chosenName = await chosen.locator('.figures-case-name').textContent();
    await chosen.click();
    const back = page.getByRole('button', { name: 'Back to the figures' });
    await back.waitFor();
    expect(await dialog.count()).toBe(0);

    await back.click();
    await dialog.waitFor();
    expect(await list.locator('.figures-case-name').allTextContents()).toEqual(names);
    expect(await dialog.evaluate((element) => element.scrollTop)).toBe(scrolled);
    // The case the user went to holds the focus again.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      chosenName,
    );
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    expect(await controls.getByLabel('As of', { exact: true }).inputValue()).toBe('31 Dec 2024');
    expect(await controls.getByLabel('Sex', { exact: true }).inputValue()).toBe('male');
    expect(await dashboard(page).textContent()).toContain('as of 31 Dec 2024');
    expect(app.blockedRequests).toEqual([]);
  });

  it('lets the thinnest segment be clicked, shows its tooltip and rings a bar reached by Tab', async () => {
    const app = await dashboardOnDemoData();
    const { page } = app;
    await settled(page);
    const chart = page.getByRole('group', { name: /^Stacked bar chart of releases/ });
    const marks = chart.locator('[data-mark]');
    await expect.poll(() => marks.count()).toBeGreaterThan(3);
    await chart.scrollIntoViewIfNeeded();

    // The segment drawn thinnest, its drawn height and the height of its target.
    const thinnest = await marks.evaluateAll(
      (elements) =>
        elements
          .map((element) => {
            const [drawn, hit] = Array.from(element.querySelectorAll('rect'));
            return {
              mark: element.getAttribute('data-mark'),
              label: element.getAttribute('aria-label'),
              drawn: drawn!.getBoundingClientRect().height,
              hit: hit!.getBoundingClientRect(),
            };
          })
          .sort((a, b) => a.drawn - b.drawn)[0]!,
    );
    expect(thinnest.drawn).toBeLessThan(8);
    expect(thinnest.hit.height).toBeGreaterThanOrEqual(8);

    // The pointer at the edge of the target, off the drawn segment, still names and opens it.
    const x = thinnest.hit.x + thinnest.hit.width / 2;
    const y = thinnest.hit.y + 1;
    await page.mouse.move(x, y);
    const tip = chart.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toBe(thinnest.label);
    await page.mouse.click(x, y);
    const dialog = page.getByRole('dialog', { name: thinnest.label!, exact: true });
    await dialog.waitFor();

    // Its cases can go to an export of exactly them.
    await dialog.getByRole('button', { name: 'Export these cases' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export records' });
    await exporting.waitFor();
    expect(await exporting.textContent()).toContain(
      `Exports 1 person: the case counted in “${thinnest.label}”.`,
    );
    await exporting.getByRole('button', { name: 'Close export' }).click();
    await exporting.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // Tab from the control before the chart reaches one of its bars, which shows a focus ring.
    await dashboard(page).getByRole('button', { name: 'List the early releases' }).focus();
    await page.keyboard.press('Tab');
    const focused = chart.locator('[data-mark]:focus');
    expect(await focused.count()).toBe(1);
    const ring = await focused.evaluate((element) => {
      const style = getComputedStyle(element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The keyboard's mark gets the tooltip too.
    expect(await tip.textContent()).toBe(await focused.getAttribute('aria-label'));
  });

  it('finds Ukraine by name in the citizenship filter and filters the figures by its code', async () => {
    const app = await dashboardOnDemoData();
    const { page } = app;
    await settled(page);
    const controls = page.getByRole('form', { name: 'Date and filters of the figures' });
    const country = controls.getByRole('combobox', { name: 'Citizenship' });
    await country.fill('Ukra');
    const options = controls.getByRole('listbox', { name: 'Countries' }).getByRole('option');
    await options.first().waitFor();
    expect(await options.first().textContent()).toBe('Ukraine UA');
    await page.keyboard.press('Enter');
    expect(await country.inputValue()).toBe('Ukraine');
    await settled(page);
    expect(await dashboard(page).textContent()).toContain('citizenship Ukraine');
    expect(await controls.locator('.field-error').count()).toBe(0);

    // A name that is no country is said to be one, not cut to a code.
    await country.fill('Ukrainia');
    expect(await controls.locator('.field-error').textContent()).toContain(
      'Choose a country from the list',
    );
  });
});
