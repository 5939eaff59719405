import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPersonThroughUi, createVaultThroughUi, useApps } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

// The person list sorts by name in the interface language's alphabetical order, which the
// renderer's own `Intl` cannot give for Belarusian: switching the language re-sorts it.

const tempDir = useTempDirs();
const start = useApps(tempDir);

/** Entered in this order, which is no language's alphabetical order. */
const NAMES = ['Іваноў Ігар', 'Kowalski Jan', 'Ёлкін Сямён', 'Абрамовіч Янка', 'Ешчанка Ала'];
/** English: Latin first; ё is е with a diaeresis, so Ёлкін before Ешчанка. */
const ENGLISH = ['Kowalski Jan', 'Абрамовіч Янка', 'Ёлкін Сямён', 'Ешчанка Ала', 'Іваноў Ігар'];
/** Belarusian: Cyrillic first; ё a letter after е; і where и would be. */
const BELARUSIAN = ['Абрамовіч Янка', 'Ешчанка Ала', 'Ёлкін Сямён', 'Іваноў Ігар', 'Kowalski Jan'];

interface Strings {
  settings: { title: string; close: string };
  people: { title: string };
}

function belarusian(): Strings {
  const file = path.resolve('resources/locales/be/translation.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Strings;
}

describe('the person list order', () => {
  it('follows the interface language: Belarusian order after switching to Belarusian', async () => {
    // Node's ICU is full: the two orders are the languages' own.
    expect([...NAMES].sort(new Intl.Collator('en').compare)).toEqual(ENGLISH);
    expect([...NAMES].sort(new Intl.Collator('be').compare)).toEqual(BELARUSIAN);

    const { page } = await start();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    for (const name of NAMES) await addPersonThroughUi(page, name);

    const shownOrder = async (listName: string) => {
      const rows = await page
        .getByRole('list', { name: listName })
        .getByRole('listitem')
        .allTextContents();
      return rows.map((text) => NAMES.find((name) => text.includes(name)) ?? text);
    };
    await expect.poll(() => shownOrder('People'), { timeout: 30_000 }).toEqual(ENGLISH);

    const be = belarusian();
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await settings.getByLabel('Interface language').selectOption({ label: 'Беларуская' });
    const beSettings = page.getByRole('dialog', { name: be.settings.title });
    await beSettings.getByRole('button', { name: be.settings.close }).click();
    await expect.poll(() => shownOrder(be.people.title), { timeout: 30_000 }).toEqual(BELARUSIAN);
  });
});
