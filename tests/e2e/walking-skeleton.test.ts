import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BrowserHost } from '../../browser-host/host';
import {
  createVaultThroughUi,
  launchApp,
  STRONG_PASSPHRASE,
  unlockForm,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const running: BrowserHost[] = [];

async function start(dataDir: string): Promise<BrowserHost> {
  const app = await launchApp(dataDir);
  running.push(app);
  return app;
}

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

const NAME = 'Алесь Тэставы';

async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

describe('walking skeleton through the browser host', () => {
  it('creates a vault, adds a person, locks, unlocks and survives a restart', async () => {
    const dataDir = tempDir();
    const folder = path.join(tempDir(), 'vault');
    const app = await start(dataDir);
    const { page } = app;

    const recoveryKey = await createVaultThroughUi(page, folder);
    expect(recoveryKey.split(' ')).toHaveLength(12);

    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Birth date').fill('1958-04');
    await page.getByLabel('Citizenship').fill('BY');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByRole('form', { name: NAME }).getByRole('status').textContent())
      .toBe('Saved.');
    await expect
      .poll(() => page.getByRole('list', { name: 'People' }).textContent())
      .toContain(NAME);

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Unlock vault' }).waitFor();
    expect(await page.content()).not.toContain(NAME);

    await unlock(page, 'not the passphrase at all');
    await expect
      .poll(() => unlockForm(page).getByRole('alert').textContent())
      .toContain('does not open this vault');
    expect(await page.content()).not.toContain(NAME);

    await unlock(page, STRONG_PASSPHRASE);
    await expect
      .poll(() => page.getByRole('list', { name: 'People' }).textContent())
      .toContain(NAME);

    // The keyboard shortcut locks too.
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: 'Unlock vault' }).waitFor();
    expect(await page.content()).not.toContain(NAME);

    expect(app.blockedRequests).toEqual([]);
    await app.close();
    running.splice(running.indexOf(app), 1);

    const restarted = await start(dataDir);
    await restarted.page.getByRole('heading', { name: 'Unlock vault' }).waitFor();
    await unlock(restarted.page, STRONG_PASSPHRASE);
    await expect
      .poll(() => restarted.page.getByRole('list', { name: 'People' }).textContent())
      .toContain(NAME);
    expect(restarted.blockedRequests).toEqual([]);
  });

  it('serves the app under a CSP that blocks inline scripts and every connection', async () => {
    const app = await start(tempDir());
    const { page } = app;
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      const expected = ['script-src-elem', 'connect-src'];
      // Reports arrive as events after the refusal: wait for both rather than for a while.
      const reported = new Promise<void>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => {
          violations.push(e.effectiveDirective);
          if (expected.every((directive) => violations.includes(directive))) resolve();
        }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(script);
      const fetched = await fetch('https://example.org/').then(
        () => 'sent',
        () => 'refused',
      );
      await reported;
      return {
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
        fetched,
        violations,
      };
    });
    expect(outcome.inlineRan).toBe(false);
    expect(outcome.fetched).toBe('refused');
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
    expect(app.blockedRequests).toEqual([]);
  });

  it('refuses a request that leaves the app origin even without the CSP', async () => {
    const app = await start(tempDir());
    await app.page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    // A navigation is not governed by connect-src; the host's request filter must stop it.
    await app.page.goto('https://example.org/').catch(() => undefined);
    expect(app.blockedRequests).toContain('https://example.org/');
  });
});
