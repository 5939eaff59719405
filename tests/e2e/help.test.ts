import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createVaultThroughUi, useApps } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

// Help is readable before a vault exists and inside it: the getting-started guide, the
// methodology, the threat model and the version, from the Help buttons and from the native
// Help menu (whose preload fires the window event this test fires).

const tempDir = useTempDirs();
const launch = useApps(tempDir);

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function helpDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Help' });
}

async function showSection(
  help: Locator,
  section: string,
  heading: string,
  sections = 'Help sections',
): Promise<void> {
  await help
    .getByRole('navigation', { name: sections })
    .getByRole('button', { name: section })
    .click();
  await help.getByRole('heading', { name: heading, exact: true }).waitFor();
}

describe('the Help view', () => {
  it('opens from the first-run screen with every document and the version', async () => {
    const { page } = await launch();
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByRole('button', { name: 'Help', exact: true }).click();

    const help = helpDialog(page);
    await help.getByRole('heading', { name: 'Getting started', exact: true }).waitFor();
    await help.getByRole('heading', { name: '2. Write down the recovery key' }).waitFor();
    await showSection(help, 'Methodology of the figures', 'Methodology of the figures');
    // A table of the methodology arrives as a table, not as pipes.
    expect(await help.getByRole('table').count()).toBeGreaterThan(0);
    await showSection(help, 'Threat model', 'Threat model');
    await help.getByRole('heading', { name: 'Not defended against' }).waitFor();
    await help
      .getByRole('navigation', { name: 'Help sections' })
      .getByRole('button', { name: 'About Vigil' })
      .click();
    await help.getByText(`Version ${VERSION}`, { exact: true }).waitFor();
    // In English there is nothing to say about the documents' language.
    expect(await help.getByRole('note').count()).toBe(0);

    await help.getByRole('button', { name: 'Close' }).click();
    await helpDialog(page).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  });

  it('opens at the section the native menu names, and from the main screen', async () => {
    const { page } = await launch();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));

    await page.evaluate(() => window.dispatchEvent(new Event('vigil:help:threatModel')));
    const help = helpDialog(page);
    await help.getByRole('heading', { name: 'Threat model', exact: true }).waitFor();
    await help.getByRole('button', { name: 'Close' }).click();
    await helpDialog(page).waitFor({ state: 'detached' });

    await page.getByRole('banner').getByRole('button', { name: 'Help', exact: true }).click();
    await helpDialog(page).getByRole('heading', { name: 'Getting started', exact: true }).waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('vigil:help:methodology')));
    await helpDialog(page)
      .getByRole('heading', { name: 'Methodology of the figures', exact: true })
      .waitFor();
  });

  it('shows the guide in Belarusian, and says that the methodology is in English', async () => {
    const { page } = await launch();
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByLabel('Interface language').selectOption({ label: 'Беларуская' });
    await page.evaluate(() => window.dispatchEvent(new Event('vigil:help:gettingStarted')));
    const help = page.getByRole('dialog', { name: 'Даведка' });
    await help.getByRole('heading', { name: 'Першыя крокі', exact: true }).waitFor();
    await help.getByRole('heading', { name: '2. Запішыце ключ аднаўлення' }).waitFor();
    expect(await help.getByRole('note').count()).toBe(0);
    expect(await help.getByRole('heading', { name: 'Getting started' }).count()).toBe(0);

    await showSection(help, 'Метадалогія лічбаў', 'Methodology of the figures', 'Раздзелы даведкі');
    const note = help.getByRole('note');
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.textContent()).toContain('толькі па-англійску');
    // The English text is marked as English, for screen readers and hyphenation.
    expect(
      await help.locator('.help-content').evaluate((element) => element.getAttribute('lang')),
    ).toBe('en');
  });
});
