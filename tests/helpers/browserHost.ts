import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../browser-host/host';
import { PICKER_ORIGIN } from '../../browser-host/picker';
import { Language } from '../../core/api/language';
import type { PathPurpose, PickedPath } from '../../core/api/pickers';
import be from '../../resources/locales/be/translation.json';
import en from '../../resources/locales/en/translation.json';
import ru from '../../resources/locales/ru/translation.json';

export const DIST = path.resolve('dist');

/**
 * Starts the app the way `npm run start:browser` does, headless, with the given settings folder.
 * Every wait is for an event; its limit only catches a hang, and a busy machine can take most of
 * a minute to derive a vault's keys.
 */
export function launchApp(dataDir: string): Promise<BrowserHost> {
  return start({ dataDir, distDir: DIST, headless: true });
}

async function start(options: Parameters<typeof startBrowserHost>[0]): Promise<BrowserHost> {
  const app = await startBrowserHost(options);
  app.context.setDefaultTimeout(120_000);
  return app;
}

/**
 * The app with the host's own idle check switched off, so that the renderer's idle lock, driven
 * by the page's fake clock, is the one a test watches. The caller closes it.
 */
export function launchWithoutHostIdle(dataDir: string): Promise<BrowserHost> {
  return start({
    dataDir,
    distDir: DIST,
    headless: true,
    idle: { schedule: () => () => undefined },
  });
}

/**
 * Stops the page's fake clock (after `page.clock.install()`): from here it moves only when the
 * test moves it. Playwright's pauseAt stops the clock first and then refuses a target that a busy
 * machine has already passed; the clock then stands still, and the next try reads where it stands.
 */
export async function pauseClock(page: Page): Promise<void> {
  for (;;) {
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 1000);
      return;
    } catch (err) {
      if (!String(err).includes('to the past')) throw err;
    }
  }
}

/**
 * Call at the top of a test file, after `useTempDirs`: the function returned launches the app in
 * a new temp settings folder, and every app it launched is closed after each test, before the
 * temp folders are removed.
 */
export function useApps(tempDir: () => string): () => Promise<BrowserHost> {
  const running: BrowserHost[] = [];
  afterEach(async () => {
    for (const app of running.splice(0)) await app.close();
  });
  return async () => {
    const app = await launchApp(tempDir());
    running.push(app);
    return app;
  };
}

/** A passphrase the strength meter rates as strong. */
export const STRONG_PASSPHRASE = 'lantern orchard velvet compass 47';

/**
 * Creates a vault through the first-run screen and acknowledges the recovery key screen.
 * Returns the recovery key the app showed.
 */
export async function createVaultThroughUi(page: Page, folder: string): Promise<string> {
  await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  await pick(page.getByLabel('Vault folder'), folder);
  await page.getByLabel('Passphrase', { exact: true }).fill(STRONG_PASSPHRASE);
  await page.getByLabel('Repeat passphrase').fill(STRONG_PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('heading', { name: 'Write down your recovery key' }).waitFor();
  const words = (await page.getByTestId('recovery-key').textContent()) ?? '';
  await page.getByLabel('I have written down my recovery key').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Add person' }).waitFor();
  return words;
}

/** Adds a person; `consent` is the form's "Publication" option as it reads (default kept). */
export async function addPersonThroughUi(
  page: Page,
  name: string,
  consent?: string,
): Promise<void> {
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  if (consent) await page.getByLabel('Publication').selectOption({ label: consent });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('list', { name: 'People' }).getByText(name).waitFor();
}

/**
 * Creates a vault with "fill with invented demo cases" ticked, then waits until the main screen
 * shows them. `persons` is one of the sizes the create screen offers, written as it shows them.
 */
export async function createDemoVaultThroughUi(
  page: Page,
  folder: string,
  persons: '100' | '1,000' | '10,000',
): Promise<void> {
  await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  await pick(page.getByLabel('Vault folder'), folder);
  await page.getByLabel('Passphrase', { exact: true }).fill(STRONG_PASSPHRASE);
  await page.getByLabel('Repeat passphrase').fill(STRONG_PASSPHRASE);
  await page.getByLabel('Fill the new vault with invented demo cases').check();
  await page.getByLabel('Number of invented cases').selectOption({ label: persons });
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('heading', { name: 'Write down your recovery key' }).waitFor();
  await page.getByLabel('I have written down my recovery key').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Add person' }).waitFor({ timeout: 120_000 });
}

/** Opens the import dialog from the header. */
export async function openImportDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('dialog', { name: 'Import records' }).waitFor();
}

/** Opens the export dialog from the header. */
export async function openExportDialog(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('dialog', { name: 'Export records' }).waitFor();
}

/** The unlock screen's form, which holds its alerts. */
export function unlockForm(page: Page): Locator {
  return page.getByRole('form', { name: 'Unlock vault' });
}

/** The message above the workspace about how the vault was just opened or filled. */
export function noticeStatus(page: Page): Locator {
  return page.getByRole('region', { name: 'Notice' }).getByRole('status');
}

/** Opens the Contacts screen from the header; its button also counts conflicts to review. */
export async function openContactsScreen(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Contacts/ }).click();
  const screen = page.getByRole('region', { name: 'Contacts', exact: true });
  await screen.waitFor();
  return screen;
}

/** The number of people the list shows, from the list's own region. */
export function shownCount(page: Page): Promise<string | null> {
  return page
    .getByRole('region', { name: 'People' })
    .getByText(/^\d+ (person|people)$/)
    .textContent();
}

/**
 * Clicks a "Choose…" button and answers the host's picker page with `chosen`, as a user would:
 * goes to its folder, types its name, chooses. Returns once the picker has closed.
 */
export async function pick(button: Locator, chosen: string): Promise<void> {
  const { picker, text } = await openPicker(button);
  const folder = path.dirname(chosen);
  await picker.getByRole('textbox', { name: text.location, exact: true }).fill(folder);
  await picker.getByRole('button', { name: text.go, exact: true }).click();
  await picker.waitForURL(
    (url) => url.pathname === '/list' && url.searchParams.get('dir') === folder,
  );
  await picker.getByRole('textbox', { name: text.name, exact: true }).fill(path.basename(chosen));
  const closed = picker.waitForEvent('close');
  await picker.getByRole('button', { name: text.choose, exact: true }).click();
  await closed;
}

/** Clicks a "Choose…" button and cancels the host's picker page. */
export async function cancelPick(button: Locator): Promise<void> {
  const { picker, text } = await openPicker(button);
  const closed = picker.waitForEvent('close');
  await picker.getByRole('button', { name: text.cancel, exact: true }).click();
  await closed;
}

const PICKER_TEXT = { en: en.pickers.page, be: be.pickers.page, ru: ru.pickers.page };
const LOCALES = { en, be, ru };

/** The interface language the app page shows now. */
async function pageLanguage(page: Page): Promise<Language> {
  return Language.parse(await page.evaluate(() => document.documentElement.lang));
}

/**
 * Waits until the open vault's page has read its auto-lock time, and checks it is `minutes`:
 * Settings shows the value the page's idle lock uses, and shows none until it has read it. An
 * idle test that starts its clock before then would time an idle lock that is about to restart.
 */
export async function autoLockRead(page: Page, minutes: number): Promise<void> {
  const words = LOCALES[await pageLanguage(page)];
  await page.getByRole('button', { name: words.main.settings, exact: true }).click();
  const settings = page.getByRole('dialog', { name: words.settings.title });
  const field = settings.getByLabel(words.settings.autoLock.label, { exact: true });
  await expect.poll(() => field.inputValue()).toBe(String(minutes));
  await settings.getByRole('button', { name: words.settings.close }).click();
  await settings.waitFor({ state: 'detached' });
}

/**
 * Opens the host's picker page from a "Choose…" button, and checks that it speaks the app's
 * interface language: the words to find its controls by are that language's.
 */
async function openPicker(
  button: Locator,
): Promise<{ picker: Page; text: typeof en.pickers.page }> {
  const app = button.page();
  const opened = app.context().waitForEvent('page', {
    predicate: (candidate) => candidate.url() === 'about:blank' || isPicker(candidate),
  });
  await button.click();
  const picker = await opened;
  await picker.waitForURL((url) => url.origin === PICKER_ORIGIN);
  await picker.getByRole('heading', { level: 1 }).waitFor();
  const language = await pageLanguage(app);
  const pickerLanguage = await picker.evaluate(() => document.documentElement.lang);
  if (pickerLanguage !== language) {
    throw new Error(`the picker speaks ${pickerLanguage}, the app ${language}`);
  }
  return { picker, text: PICKER_TEXT[language] };
}

function isPicker(candidate: Page): boolean {
  return candidate.url().startsWith(`${PICKER_ORIGIN}/`);
}

/**
 * Args for a core call through the host with paths in place of tokens: each path gets a token as
 * if the user had picked it for `purposes[field]`.
 */
export function withTokens(
  app: BrowserHost,
  args: Record<string, unknown>,
  purposes: Record<string, PathPurpose>,
): Record<string, unknown> {
  const tokens = { ...args };
  for (const [field, purpose] of Object.entries(purposes)) {
    const chosen = args[field];
    if (typeof chosen === 'string') tokens[field] = app.core.grantPath(chosen, purpose).token;
  }
  return tokens;
}

/** A token for `chosen`, as if the user had picked it for `purpose`. */
export function granted(app: BrowserHost, chosen: string, purpose: PathPurpose): PickedPath {
  return app.core.grantPath(chosen, purpose);
}

/** A core call through the host, failing the test with the error's code. */
export async function coreCall<T>(app: BrowserHost, method: string, args: unknown): Promise<T> {
  const result = await app.core.call(method, args);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}`);
  return result.value as T;
}
