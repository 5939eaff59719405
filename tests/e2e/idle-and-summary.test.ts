import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AtRiskResult } from '../../core/api/figures';
import {
  STRONG_PASSPHRASE,
  addPersonThroughUi,
  coreCall,
  createDemoVaultThroughUi,
  createVaultThroughUi,
  autoLockRead,
  launchWithoutHostIdle,
  pauseClock,
  shownCount,
  useApps,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const launch = useApps(tempDir);

describe('the idle lock warns first and says what it discarded', () => {
  it('Keep working cancels the warning; a lock lists the unsaved form after unlock', async () => {
    const app = await launchWithoutHostIdle(tempDir());
    try {
      const { page } = app;
      await coreCall(app, 'updateSettings', { autoLockMinutes: 1 });
      await page.clock.install();
      await page.reload();
      await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
      await autoLockRead(page, 1);
      await addPersonThroughUi(page, 'Alesia Dubrova');
      await page.getByLabel('Name', { exact: true }).fill('Alesia Dubrova-Kim');
      // From here the page's clock moves only when the test moves it; a key press is input.
      await pauseClock(page);
      await page.keyboard.press('Shift');

      const warning = page.getByRole('alertdialog', { name: 'Vigil is about to lock' });
      await page.clock.runFor(30_000);
      await expect.poll(() => warning.isVisible()).toBe(true);
      expect(await warning.textContent()).toMatch(/Locking in (29|30) s/);
      await page.clock.runFor(10_000);
      expect(await warning.textContent()).toMatch(/Locking in (19|20) s/);

      await warning.getByRole('button', { name: 'Keep working' }).click();
      await expect.poll(() => warning.isVisible()).toBe(false);
      await page.clock.runFor(25_000);
      expect(await warning.isVisible()).toBe(false);
      expect(await coreCall<{ state: string }>(app, 'vaultStatus', {})).toMatchObject({
        state: 'unlocked',
      });

      const reloaded = page.waitForEvent('load');
      await page.clock.runFor(60_000);
      await reloaded;
      await page.clock.resume();
      await page.getByRole('heading', { name: 'Unlock vault' }).waitFor();
      expect(await coreCall<{ state: string }>(app, 'vaultStatus', {})).toMatchObject({
        state: 'locked',
      });
      await page.getByLabel('Passphrase', { exact: true }).fill(STRONG_PASSPHRASE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      const discarded = page.getByRole('alert').filter({ hasText: 'discarded' });
      await discarded.waitFor();
      expect(await discarded.textContent()).toContain(
        'Unsaved changes to the details of Alesia Dubrova were discarded when Vigil locked.',
      );
      // Told once: the next unlock has nothing to list.
      expect(await coreCall(app, 'takeDiscardedForms', {})).toEqual({ forms: [] });
    } finally {
      await app.close();
    }
  });
});

describe('the person list and the dashboard agree', () => {
  it('"over 60" in custody lists the dashboard\'s persons, and the page sums them up', async () => {
    const app = await launch();
    const { page } = app;
    await createDemoVaultThroughUi(page, path.join(tempDir(), 'vault'), '100');
    const today = await page.evaluate(() => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    });
    const atRisk = await coreCall<AtRiskResult>(app, 'figureAtRisk', { asOf: today });
    const over60 = atRisk.categories.find((c) => c.category === 'over_60')!.figure;
    expect(over60.value).toBeGreaterThan(0);

    // The dashboard's own card shows the same number.
    await page.getByRole('button', { name: 'Figures', exact: true }).click();
    const categories = page.getByRole('list', { name: 'Risk categories, overlapping' });
    const over60Card = categories.getByRole('button', {
      name: new RegExp(`, Over 60 years old: ${over60.value}$`),
    });
    await over60Card.waitFor();
    await page.getByRole('button', { name: 'Back to cases', exact: true }).click();

    const people = page.getByRole('region', { name: 'People' });
    await people.getByLabel('Filter by risk category').selectOption({ label: 'Over 60 years old' });
    await people.getByLabel('Only people in custody today').check();
    const expected = over60.value === 1 ? '1 person' : `${over60.value} people`;
    await expect.poll(() => shownCount(page)).toBe(expected);

    const first = people.getByRole('list', { name: 'People' }).getByRole('button').first();
    await first.click();
    const summary = page.getByRole('region', { name: 'Summary' });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    expect(text).toMatch(/In custody/);
    expect(text).toContain('Over 60 years old');
  });
});
