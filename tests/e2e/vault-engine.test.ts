import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserHost } from '../../browser-host/host';
import { journalFile } from '../../core/vault/layout';
import {
  addPersonThroughUi,
  createVaultThroughUi,
  launchApp,
  noticeStatus,
  STRONG_PASSPHRASE,
  unlockForm,
  pick,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const running: BrowserHost[] = [];

async function start(dataDir = tempDir()): Promise<BrowserHost> {
  const app = await launchApp(dataDir);
  running.push(app);
  return app;
}

afterEach(async () => {
  for (const app of running.splice(0)) await app.close();
});

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByRole('heading', { name: 'Unlock vault' }).waitFor();
}

async function unlockWithPassphrase(page: Page, passphrase = STRONG_PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** A section of the settings dialog, named by its heading. */
function settingsSection(page: Page, name: string): Locator {
  return page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name });
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
}

describe('vault engine through the browser host', () => {
  it('unlocks with the recovery key after a forgotten passphrase and sets a new one', async () => {
    const { page } = await start();
    const recoveryKey = await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await addPersonThroughUi(page, 'Recovered Person');
    await lock(page);

    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page
      .getByLabel('Recovery key')
      .fill('abandon ability able about above absent absorb abstract absurd abuse access accident');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect
      .poll(() => unlockForm(page).getByRole('alert').textContent())
      .toMatch(/twelve words/i);
    await page.getByLabel('Recovery key').fill(recoveryKey);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('list', { name: 'People' }).getByText('Recovered Person').waitFor();

    await openSettings(page);
    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey);
    const fresh = 'harbour meadow thistle lantern 58';
    await page.getByLabel('New passphrase', { exact: true }).fill(fresh);
    await page.getByLabel('Repeat new passphrase').fill(fresh);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect
      .poll(() => settingsSection(page, 'Change passphrase').getByRole('status').textContent())
      .toBe('Passphrase changed.');
    await page.getByRole('button', { name: 'Close settings' }).click();
    await lock(page);

    await unlockWithPassphrase(page);
    await expect
      .poll(() => unlockForm(page).getByRole('alert').textContent())
      .toContain('does not open this vault');
    await unlockWithPassphrase(page, fresh);
    await page.getByRole('list', { name: 'People' }).getByText('Recovered Person').waitFor();
  });

  it('changes the passphrase and the keys, shows the new recovery key once, and the old one stops working', async () => {
    const { page } = await start();
    const oldRecoveryKey = await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await addPersonThroughUi(page, 'Rotated Person');
    await openSettings(page);
    const section = settingsSection(page, 'Change passphrase');
    await section.getByLabel('Current passphrase').fill(STRONG_PASSPHRASE);
    const fresh = 'orchard beacon willow ember 61';
    await section.getByLabel('New passphrase', { exact: true }).fill(fresh);
    await section.getByLabel('Repeat new passphrase').fill(fresh);
    await section.getByLabel('Also change the vault’s keys').check();
    await section.getByRole('button', { name: 'Change passphrase' }).click();
    await expect
      .poll(() => section.getByRole('status').textContent())
      .toMatch(/^Passphrase and keys changed/);
    const words = (await section
      .getByRole('list', { name: 'Your new recovery key' })
      .textContent())!;
    expect(words.split(' ')).toHaveLength(12);
    expect(words).not.toBe(oldRecoveryKey);
    await page.getByRole('button', { name: 'Close settings' }).click();
    await lock(page);

    await page.getByRole('button', { name: 'Use the recovery key instead' }).click();
    await page.getByLabel('Recovery key').fill(oldRecoveryKey);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect
      .poll(() => unlockForm(page).getByRole('alert').textContent())
      .toMatch(/do not open this vault/);
    await page.getByLabel('Recovery key').fill(words);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('list', { name: 'People' }).getByText('Rotated Person').waitFor();
  });

  it('locks by itself after the idle time set in settings', async () => {
    const { page } = await start();
    await page.clock.install();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await addPersonThroughUi(page, 'Idle Person');
    await openSettings(page);
    await page.getByLabel('Lock after (minutes)').fill('1');
    await page.getByRole('button', { name: 'Save lock time' }).click();
    await expect
      .poll(() => settingsSection(page, 'Automatic lock').getByRole('status').textContent())
      .toBe('Saved.');
    await page.getByRole('button', { name: 'Close settings' }).click();

    await page.clock.fastForward('00:50');
    expect(await page.getByRole('button', { name: 'Lock' }).count()).toBe(1);
    await page.clock.fastForward('00:15');
    await page.getByRole('heading', { name: 'Unlock vault' }).waitFor();
    expect(await page.content()).not.toContain('Idle Person');
  });

  it('saves a verified backup and restores it into a new folder', async () => {
    const { page } = await start();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    await addPersonThroughUi(page, 'Backed Up Person');
    const stick = path.join(tempDir(), 'usb-stick', 'vigil-backup');
    await openSettings(page);
    await pick(page.getByLabel('Backup folder'), stick);
    await page.getByRole('button', { name: 'Save backup' }).click();
    await expect
      .poll(() => settingsSection(page, 'Save encrypted backup').getByRole('status').textContent())
      .toContain('verified');
    await page.getByRole('button', { name: 'Close settings' }).click();
    await lock(page);

    const restoredFolder = path.join(tempDir(), 'restored');
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await pick(page.getByLabel('Backup folder'), stick);
    await pick(page.getByLabel('New vault folder'), restoredFolder);
    await page.getByLabel('Passphrase', { exact: true }).fill(STRONG_PASSPHRASE);
    await page.getByRole('button', { name: 'Restore backup' }).click();
    await page.getByRole('list', { name: 'People' }).getByText('Backed Up Person').waitFor();
    await expect.poll(() => noticeStatus(page).textContent()).toContain('restored');
  });

  it('says where a vault is damaged, opens it read-only, then repairs it', async () => {
    const folder = path.join(tempDir(), 'vault');
    const { page } = await start();
    await createVaultThroughUi(page, folder);
    for (const name of ['First Person', 'Second Person', 'Third Person'])
      await addPersonThroughUi(page, name);
    await lock(page);

    // Record 1 of the journal seeds the thesauri; 2, 3 and 4 add the three persons. Damage 3.
    const journal = path.join(folder, journalFile(1n));
    const bytes = readFileSync(journal);
    let offset = 34;
    for (let record = 1; record < 3; record++) offset += bytes.readUInt32BE(offset) + 8;
    bytes[offset + 40] = bytes[offset + 40]! ^ 0xff;
    writeFileSync(journal, bytes);

    await unlockWithPassphrase(page);
    await expect
      .poll(() => unlockForm(page).getByRole('alert').textContent())
      .toContain(`record 3 of the file ${journalFile(1n)}`);
    await page.getByRole('button', { name: 'Open read-only' }).click();
    await page.getByRole('heading', { name: 'Read-only: this vault is damaged' }).waitFor();
    await page.getByRole('list', { name: 'People' }).getByText('First Person').waitFor();
    expect(await page.getByRole('button', { name: 'Add person' }).isDisabled()).toBe(true);
    await lock(page);

    await unlockWithPassphrase(page);
    await page.getByRole('button', { name: 'Repair vault…' }).click();
    await page
      .getByRole('dialog', { name: 'Repair this vault?' })
      .getByRole('button', { name: 'Repair', exact: true })
      .click();
    await expect.poll(() => noticeStatus(page).textContent()).toContain('repaired');
    await addPersonThroughUi(page, 'After Repair');
    expect(
      await page.getByRole('heading', { name: 'Read-only: this vault is damaged' }).count(),
    ).toBe(0);
  });
});
