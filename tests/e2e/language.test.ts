import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../browser-host/host';
import { launchApp, STRONG_PASSPHRASE, pick } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

// The language is chosen before any vault exists, applies to the whole interface at once, and
// is an installation setting: a restart with the same settings folder keeps it.

const tempDir = useTempDirs();
const running: BrowserHost[] = [];

/** Starts the app on a given settings folder, so that a second start is a restart. */
async function start(dataDir: string): Promise<BrowserHost> {
  const app = await launchApp(dataDir);
  running.push(app);
  return app;
}

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

interface Strings {
  settings: { title: string; close: string };
  people: { add: string };
  person: { region: string };
}

/** A translation as the app bundles it, for the language whose words this test cannot type. */
function strings(lang: string): Strings {
  const file = path.resolve('resources/locales', lang, 'translation.json');
  expect(existsSync(file), `${lang} translation file`).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8')) as Strings;
}

function pageLanguage(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

async function restart(dataDir: string, app: BrowserHost): Promise<Page> {
  running.splice(running.indexOf(app), 1);
  await app.close();
  return (await start(dataDir)).page;
}

describe('the interface language', () => {
  it('is chosen on the first-run screen, survives a restart and changes in Settings', async () => {
    const dataDir = tempDir();
    const app = await start(dataDir);
    const { page } = app;

    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByLabel('Interface language').selectOption({ label: 'Русский' });
    await page.getByRole('heading', { name: 'Создание хранилища' }).waitFor();
    expect(await pageLanguage(page)).toBe('ru');
    expect(await page.getByRole('button', { name: 'Create vault' }).count()).toBe(0);

    await pick(page.getByLabel('Папка хранилища'), path.join(tempDir(), 'vault'));
    await page.getByLabel('Парольная фраза', { exact: true }).fill(STRONG_PASSPHRASE);
    await page.getByLabel('Повторите парольную фразу').fill(STRONG_PASSPHRASE);
    await page.getByRole('button', { name: 'Создать хранилище' }).click();
    await page.getByRole('heading', { name: 'Запишите ключ восстановления' }).waitFor();
    await page.getByLabel('Я записал(а) ключ восстановления').check();
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await page.getByRole('heading', { name: 'Люди' }).waitFor();
    // Thesaurus terms show their Russian label.
    await page.getByRole('button', { name: 'Добавить человека' }).click();
    await page.getByLabel('Регион', { exact: true }).selectOption({ label: 'Минская область' });

    // A restart opens on the unlock screen, already in Russian, before the vault is open.
    const again = await restart(dataDir, app);
    await again.getByRole('heading', { name: 'Открыть хранилище' }).waitFor();
    expect(await pageLanguage(again)).toBe('ru');
    await again.getByLabel('Парольная фраза', { exact: true }).fill(STRONG_PASSPHRASE);
    await again.getByRole('button', { name: 'Открыть', exact: true }).click();
    await again.getByRole('button', { name: 'Добавить человека' }).waitFor();

    const be = strings('be');
    await again.getByRole('button', { name: 'Настройки' }).click();
    const settings = again.getByRole('dialog', { name: 'Настройки' });
    await settings.getByLabel('Язык интерфейса').selectOption({ label: 'Беларуская' });
    // The open dialog and the screen behind it switch together, without a restart.
    await again.getByRole('dialog', { name: be.settings.title }).waitFor();
    expect(await pageLanguage(again)).toBe('be');
    const beSettings = again.getByRole('dialog', { name: be.settings.title });
    await beSettings.getByRole('button', { name: be.settings.close }).click();
    await again.getByRole('button', { name: be.people.add }).click();
    await again
      .getByLabel(be.person.region, { exact: true })
      .selectOption({ label: 'Мінская вобласць' });
    expect(await again.getByRole('button', { name: 'Добавить человека' }).count()).toBe(0);
  });
});
