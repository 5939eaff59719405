import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../core/api/figures';
import {
  addPersonThroughUi,
  coreCall as call,
  createVaultThroughUi,
  STRONG_PASSPHRASE,
  useApps,
  pick,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const start = useApps(tempDir);

describe('dates as people type them, through the browser host', () => {
  it('reads a day-first as-of date, applies it on Enter, and asks back about a month-first one', async () => {
    const app = await start();
    const { page } = app;
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await call(app, 'loadDemoData', { persons: 200 });
    await page.reload();
    await page.getByRole('button', { name: 'Add person' }).waitFor();
    await page.getByRole('button', { name: 'Figures', exact: true }).click();
    const controls = page.getByRole('form', { name: 'Date and filters of the figures' });
    const asOf = controls.getByLabel('As of', { exact: true });
    const custodyCard = page.getByRole('region', { name: 'In custody', exact: true });
    await expect.poll(() => custodyCard.textContent()).toMatch(/in custody as of /);
    const before = (await custodyCard.textContent()) ?? '';

    // Day first, as typed in Belarus: shown back while typing, applied only on Enter.
    await asOf.fill('06.05.2024');
    await controls.getByText('Read as 6 May 2024').waitFor();
    expect(await custodyCard.textContent()).toBe(before);
    await asOf.press('Enter');
    const may6 = await call<Figure>(app, 'figureInCustody', { asOf: '2024-05-06' });
    await expect
      .poll(() => custodyCard.textContent())
      .toContain(`At least ${may6.value.toLocaleString('en')} in custody as of 6 May 2024`);
    expect(await asOf.inputValue()).toBe('6 May 2024');

    // 05/06/2024 is 5 June day first and 6 May month first: asked, and nothing applied.
    await asOf.fill('05/06/2024');
    await asOf.press('Enter');
    const choices = controls.getByRole('group', { name: 'Which date do you mean?' });
    await choices.waitFor();
    expect(await custodyCard.textContent()).toContain('in custody as of 6 May 2024');
    await choices.getByRole('button', { name: '5 Jun 2024' }).click();
    await expect.poll(() => custodyCard.textContent()).toContain('in custody as of 5 Jun 2024');
    expect(await asOf.inputValue()).toBe('5 Jun 2024');

    // An impossible date says why, and the dashboard keeps its date.
    await asOf.fill('31.02.2024');
    await asOf.press('Enter');
    await controls.getByText('Feb 2024 has no day 31.').waitFor();
    expect(await custodyCard.textContent()).toContain('in custody as of 5 Jun 2024');
    expect(app.blockedRequests).toEqual([]);
  });

  it('stores an event date typed with a month name, and saves an ambiguous one only once picked', async () => {
    const app = await start();
    const { page } = app;
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await addPersonThroughUi(page, 'Янка Выдуманы');
    const timeline = page.getByRole('list', { name: 'Timeline' });

    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByLabel('Event type').selectOption({ label: 'Release' });
    await page.getByLabel('Date', { exact: true }).fill('6 May 2024');
    await page.getByText('Read as 6 May 2024').waitFor();
    await page.getByLabel('Release type').selectOption({ label: 'Pardon' });
    await page.getByRole('button', { name: 'Save event' }).click();
    await expect.poll(() => timeline.textContent()).toContain('6 May 2024');

    await page.getByRole('button', { name: 'Add event' }).click();
    await page.getByLabel('Event type').selectOption({ label: 'Release' });
    await page.getByLabel('Date', { exact: true }).fill('05/06/2024');
    await page.getByLabel('Release type').selectOption({ label: 'Pardon' });
    const choices = page.getByRole('group', { name: 'Which date do you mean?' });
    await choices.waitFor();
    // Saving now is refused: the form stays open with the question, and nothing is stored.
    await page.getByRole('button', { name: 'Save event' }).click();
    await choices.waitFor();
    expect(await timeline.getByRole('listitem').count()).toBe(1);
    await choices.getByRole('button', { name: '5 Jun 2024' }).click();
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe('5 Jun 2024');
    await page.getByRole('button', { name: 'Save event' }).click();
    await expect.poll(() => timeline.textContent()).toContain('5 Jun 2024');
    expect(await timeline.getByRole('listitem').count()).toBe(2);
    expect(app.blockedRequests).toEqual([]);
  });

  it('reads numbers day first in a Russian interface, without asking back', async () => {
    const ru = JSON.parse(
      readFileSync(path.resolve('resources/locales/ru/translation.json'), 'utf8'),
    ) as { person: Record<string, string>; people: Record<string, string> };
    const app = await start();
    const { page } = app;
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByLabel('Interface language').selectOption({ label: 'Русский' });
    await pick(page.getByLabel('Папка хранилища'), path.join(tempDir(), 'vault'));
    await page.getByLabel('Парольная фраза', { exact: true }).fill(STRONG_PASSPHRASE);
    await page.getByLabel('Повторите парольную фразу').fill(STRONG_PASSPHRASE);
    await page.getByRole('button', { name: 'Создать хранилище' }).click();
    await page.getByLabel('Я записал(а) ключ восстановления').check();
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByRole('button', { name: ru.people.add! }).click();

    const form = page.getByRole('form');
    await form.getByLabel(ru.person.name!, { exact: true }).fill('Янка Выдуманы');
    const birthDate = form.getByLabel(ru.person.birthDate!);
    // In English 05/06/1984 would be asked back; in Russian it is 5 June, day first.
    await birthDate.fill('05/06/1984');
    await form.getByText(/5 июня 1984/).waitFor();
    expect(await form.getByRole('group').count()).toBe(0);
    await form.getByRole('button', { name: ru.person.save!, exact: true }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe(ru.person.saved);
    expect(await birthDate.inputValue()).toBe('5 июня 1984');
    expect(app.blockedRequests).toEqual([]);
  });
});
