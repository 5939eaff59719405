import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../browser-host/host';
import { DIST, STRONG_PASSPHRASE } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

// What the browser host leaves on disk (nothing, on every way out) and its own idle lock.

const tempDir = useTempDirs();
const running: BrowserHost[] = [];

afterEach(async () => {
  for (const host of running.splice(0)) await host.close();
});

async function start(options: Partial<Parameters<typeof startBrowserHost>[0]> = {}) {
  const host = await startBrowserHost({
    dataDir: tempDir(),
    distDir: DIST,
    headless: true,
    tempParent: tempDir(),
    ...options,
  });
  running.push(host);
  return host;
}

/** Chromium's own account of the switches it runs with. */
async function chromiumCommandLine(host: BrowserHost): Promise<string> {
  const profile = host.browser.contexts().find((context) => context !== host.context)!;
  const page = await profile.newPage();
  await page.goto('chrome://version');
  const text = await page.locator('#command_line').textContent();
  await page.close();
  return text ?? '';
}

describe('the browser host on disk', () => {
  it('sends crash dumps to its temp folder and removes it with the profile on close', async () => {
    const parent = tempDir();
    const host = await start({ tempParent: parent });
    const { root, profile, crashDumps, tmp } = host.tempDirs;
    expect(path.dirname(root)).toBe(parent);
    for (const dir of [profile, crashDumps, tmp]) expect(path.dirname(dir)).toBe(root);
    // The profile really is Chromium's, and the switches reached it.
    expect(readdirSync(profile).length).toBeGreaterThan(0);
    const commandLine = await chromiumCommandLine(host);
    expect(commandLine).toContain(`--user-data-dir=${profile}`);
    expect(commandLine).toContain(`--crash-dumps-dir=${crashDumps}`);
    expect(commandLine).toContain('--disable-crash-reporter');
    await host.close();
    expect(existsSync(root)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('removes everything it made when the start fails', async () => {
    const parent = tempDir();
    // A build without the page bridge: Chromium is already running when the start fails.
    await expect(start({ distDir: tempDir(), tempParent: parent })).rejects.toThrow();
    expect(readdirSync(parent)).toEqual([]);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'removes the profile, crash dumps and temp files when the CLI gets %s',
    async (signal) => {
      const parent = tempDir();
      const child = spawn(process.execPath, [path.join(DIST, 'browser-host', 'cli.js')], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, TMPDIR: parent, VIGIL_HEADLESS: '1', VIGIL_DATA_DIR: tempDir() },
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('Vigil is running in Chromium')) resolve();
        });
        void exited.then(() => reject(new Error(`the CLI exited before it was ready: ${stderr}`)));
      });
      const [root] = readdirSync(parent).filter((name) => name.startsWith('vigil-browser-'));
      expect(root).toBeDefined();
      expect(readdirSync(path.join(parent, root!)).sort()).toEqual([
        'crash-dumps',
        'profile',
        'tmp',
      ]);
      child.kill(signal);
      expect(await exited).toBe(0);
      // Playwright's own scratch folder is gone as well: the CLI left nothing behind.
      expect(readdirSync(parent)).toEqual([]);
    },
  );
});

describe('the browser host idle lock', () => {
  it('locks after the auto-lock time without input in the page, counting from the last input', async () => {
    let now = Date.UTC(2026, 0, 5, 9);
    let check: () => Promise<unknown> = () => Promise.reject(new Error('no idle check'));
    const host = await start({
      idle: {
        now: () => now,
        schedule: (run) => {
          check = run;
          return () => undefined;
        },
      },
    });
    const { core, page } = host;
    const folder = path.join(tempDir(), 'vault');
    const token = core.grantPath(folder, 'newVault').token;
    expect(
      await core.call('createVault', { folder: token, passphrase: STRONG_PASSPHRASE }),
    ).toMatchObject({ ok: true });
    const state = async () => {
      const status = await core.call('vaultStatus', {});
      return status.ok ? (status.value as { state: string }).state : status.error.code;
    };

    // Four minutes away, then a key press: the five minutes start again from it.
    now += 4 * 60_000;
    await check();
    expect(await state()).toBe('unlocked');
    await page.keyboard.press('Shift');
    // The page reports input before this later call through the same bridge returns.
    await page.evaluate(() => window.vigil.vaultStatus());
    now += 4 * 60_000;
    await check();
    expect(await state()).toBe('unlocked');

    const reloaded = page.waitForEvent('load');
    now += 60_000;
    await check();
    await reloaded;
    expect(await state()).toBe('locked');
    await page.getByRole('heading', { name: 'Unlock vault' }).waitFor();
  });
});
