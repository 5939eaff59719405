import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../helpers/session';
import { useTempDirs } from '../helpers/tempDir';

// The interface language is chosen before any vault is open, so the core keeps it with the
// installation's other plaintext settings and hands it out without a vault.

const tempDir = useTempDirs();

function settingsFile(root: string): string {
  return path.join(root, 'data', 'settings.json');
}

function writeSettings(root: string, settings: object): void {
  mkdirSync(path.join(root, 'data'), { recursive: true });
  writeFileSync(settingsFile(root), JSON.stringify(settings));
}

const INSTALL_ID = '0123456789abcdef';

describe('the interface language setting', () => {
  it('is unset on a new installation, so the system language applies', async () => {
    const core = await startCore(tempDir());
    expect(await core.call('getSettings', {})).toEqual({ autoLockMinutes: 5, language: null });
  });

  it('is kept across a restart, with no vault ever opened', async () => {
    const root = tempDir();
    const first = await startCore(root);
    expect(await first.call('updateSettings', { language: 'ru' })).toMatchObject({
      language: 'ru',
    });
    const again = await startCore(root);
    expect(await again.call('getSettings', {})).toEqual({ autoLockMinutes: 5, language: 'ru' });
    expect(await again.call('vaultStatus', {})).toMatchObject({ state: 'none' });
  });

  it('refuses a language the interface is not written in', async () => {
    const core = await startCore(tempDir());
    expect(await core.fails('updateSettings', { language: 'de' })).toBe('INVALID_INPUT');
    expect(await core.call('getSettings', {})).toMatchObject({ language: null });
  });

  it('falls back to no choice when the stored language is unknown or damaged, keeping the rest', async () => {
    for (const language of ['xx', 42, { code: 'ru' }]) {
      const root = tempDir();
      writeSettings(root, {
        installId: INSTALL_ID,
        lastVaultFolder: null,
        autoLockMinutes: 12,
        language,
      });
      const core = await startCore(root);
      expect(await core.call('getSettings', {})).toEqual({ autoLockMinutes: 12, language: null });
      expect(await core.call('vaultStatus', {})).toMatchObject({ installId: INSTALL_ID });
    }
  });

  it('reads settings files from before the language existed', async () => {
    const root = tempDir();
    writeSettings(root, { installId: INSTALL_ID, lastVaultFolder: null, autoLockMinutes: 7 });
    const core = await startCore(root);
    expect(await core.call('getSettings', {})).toEqual({ autoLockMinutes: 7, language: null });
    await core.call('updateSettings', { language: 'be' });
    expect(JSON.parse(readFileSync(settingsFile(root), 'utf8'))).toEqual({
      installId: INSTALL_ID,
      lastVaultFolder: null,
      autoLockMinutes: 7,
      language: 'be',
    });
  });
});
