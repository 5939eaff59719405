import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  coreCall,
  createDemoVaultThroughUi,
  createVaultThroughUi,
  autoLockRead,
  launchWithoutHostIdle,
  pauseClock,
  useApps,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

// A researcher's day in a Belarusian interface, end to end: the language switched in Settings,
// a person entered with a day-first date, the summary above the forms, the list in Belarusian
// alphabetical order, a drill-down and back with its context, and the idle warning.

const tempDir = useTempDirs();
const launch = useApps(tempDir);

async function switchToBelarusian(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Interface language').selectOption({ label: 'Беларуская' });
  const налады = page.getByRole('dialog', { name: 'Налады' });
  await налады.getByRole('button', { name: 'Закрыць налады' }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('be');
}

function peopleNames(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Асобы' })
    .getByRole('list', { name: 'Асобы' })
    .locator('.person-name')
    .allTextContents();
}

describe('a Belarusian interface, end to end', () => {
  it('enters a day-first date, shows the summary, sorts the list in Belarusian and warns before an idle lock', async () => {
    const app = await launchWithoutHostIdle(tempDir());
    try {
      const { page } = app;
      await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
      await switchToBelarusian(page);

      await page.getByRole('button', { name: 'Дадаць асобу' }).click();
      await page.getByLabel('Імя', { exact: true }).fill('Іваноў Ян');
      const birth = page.getByLabel('Дата нараджэння', { exact: true });
      await birth.fill('06.05.1984');
      // Read day first, and said so before it is used.
      await page.getByText('Прачытана як 6 траўня 1984').waitFor();
      await page.getByRole('button', { name: 'Захаваць', exact: true }).click();
      const summary = page.getByRole('region', { name: 'Зводка' });
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Не пад вартай');
      const person = await coreCall<{ items: { birthDate: string }[] }>(app, 'listPersons', {});
      expect(person.items.map((item) => item.birthDate)).toEqual(['1984-05-06']);

      // In code point order І comes before А and Latin before Cyrillic; a Belarusian
      // dictionary puts і where и would be (after з), ё after е, ў after у, Latin last.
      for (const name of ['Adamson Kate', 'Жук Павел', 'Ёрш Ганна', 'Ева Нос', 'Саўчук Вера']) {
        await coreCall(app, 'createPerson', { name });
      }
      for (const name of ['Сауліч Вера', 'Абрамовіч Алесь', 'Кавалёў Сымон']) {
        await coreCall(app, 'createPerson', { name });
      }
      await page.reload();
      const expected = [
        'Абрамовіч Алесь',
        'Ева Нос',
        'Ёрш Ганна',
        'Жук Павел',
        'Іваноў Ян',
        'Кавалёў Сымон',
        'Сауліч Вера',
        'Саўчук Вера',
        'Adamson Kate',
      ];
      await expect.poll(() => peopleNames(page)).toEqual(expected);
      // The same order as the collation of Node's full ICU, which Vigil did not write.
      expect([...expected].sort(new Intl.Collator('be').compare)).toEqual(expected);

      // The idle warning counts down in Belarusian, and keeping working cancels it.
      await coreCall(app, 'updateSettings', { autoLockMinutes: 1 });
      await page.clock.install();
      await page.reload();
      await page.getByRole('button', { name: 'Дадаць асобу' }).waitFor();
      await autoLockRead(page, 1);
      await pauseClock(page);
      await page.keyboard.press('Shift');
      const warning = page.getByRole('alertdialog', { name: 'Vigil хутка заблакуецца' });
      await page.clock.runFor(30_000);
      await expect.poll(() => warning.isVisible()).toBe(true);
      expect(await warning.textContent()).toMatch(/Блакоўка праз (29|30) с/);
      await warning.getByRole('button', { name: 'Працягваць працу' }).click();
      await expect.poll(() => warning.isVisible()).toBe(false);
      await page.clock.runFor(25_000);
      expect(await warning.isVisible()).toBe(false);
      expect(await coreCall<{ state: string }>(app, 'vaultStatus', {})).toMatchObject({
        state: 'unlocked',
      });
      expect(app.blockedRequests).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('goes from a figure to a case and back with the date, the list and the scroll kept', async () => {
    const app = await launch();
    const { page } = app;
    await createDemoVaultThroughUi(page, path.join(tempDir(), 'vault'), '100');
    await switchToBelarusian(page);
    await page.getByRole('button', { name: 'Лічбы', exact: true }).click();
    const dashboard = page.getByRole('region', { name: 'Лічбы', exact: true });
    const asOf = dashboard.getByLabel('Па стане на', { exact: true });
    await asOf.fill('31.12.2024');
    await asOf.press('Enter');
    await expect.poll(() => asOf.inputValue()).toBe('31 снежня 2024');
    await expect.poll(() => dashboard.getByRole('status').first().textContent()).toBe('');

    await dashboard.getByRole('button', { name: /^Паказаць справы\W+Пад вартай/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Пад вартай/ });
    const list = dialog.getByRole('list', { name: 'Улічаныя справы' });
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(10);
    const names = await list.locator('.figures-case-name').allTextContents();
    // Withheld names come last, by pseudonym; the others in Belarusian order.
    const withheld = names.filter((name) => name.startsWith('Імя схавана'));
    expect(names.slice(names.length - withheld.length)).toEqual(withheld);
    const cyrillic = names.filter(
      (name) => /^[\u0400-\u04ff]/.test(name) && !withheld.includes(name),
    );
    expect(cyrillic.length).toBeGreaterThan(3);
    expect(cyrillic).toEqual([...cyrillic].sort(new Intl.Collator('be').compare));

    const scrolled = await dialog.evaluate((element) => {
      element.scrollTop = element.scrollHeight / 3;
      return element.scrollTop;
    });
    const chosen = list.getByRole('button').nth(Math.floor(names.length / 2));
    await chosen.click();
    const back = page.getByRole('button', { name: 'Назад да лічбаў' });
    await back.click();
    await dialog.waitFor();
    expect(await list.locator('.figures-case-name').allTextContents()).toEqual(names);
    expect(await dialog.evaluate((element) => element.scrollTop)).toBe(scrolled);
    await dialog.getByRole('button', { name: 'Закрыць', exact: true }).click();
    expect(await asOf.inputValue()).toBe('31 снежня 2024');
    expect(app.blockedRequests).toEqual([]);
  });
});
