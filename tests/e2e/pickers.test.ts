import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cancelPick,
  createVaultThroughUi,
  openImportDialog,
  pick,
  STRONG_PASSPHRASE,
  useApps,
} from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const start = useApps(tempDir);

/** What `window.vigil.previewImport` answers in the app page for these arguments. */
function previewFromPage(args: unknown) {
  return (page: import('playwright-core').Page) =>
    page.evaluate(async (callArgs) => {
      const api = (window as unknown as { vigil: Record<string, (a: unknown) => unknown> }).vigil;
      const answer = (await api.previewImport!(callArgs)) as {
        ok: boolean;
        error?: { code: string };
      };
      return answer.ok ? 'read' : answer.error!.code;
    }, args);
}

describe('host-owned pickers', () => {
  it('lets the renderer name no path: a path, a made-up token and a token for another use are refused', async () => {
    const { page } = await start();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    expect(await previewFromPage({ path: '/etc/passwd', shape: 'persons' })(page)).toBe(
      'INVALID_INPUT',
    );
    expect(await previewFromPage({ path: 'A'.repeat(43), shape: 'persons' })(page)).toBe(
      'PATH_NOT_CHOSEN',
    );
    // The status's token for the vault folder opens the vault, and reads no file.
    const folderToken = await page.evaluate(async () => {
      const api = (window as unknown as { vigil: Record<string, () => Promise<unknown>> }).vigil;
      const status = (await api.vaultStatus!()) as { value: { folder: { token: string } } };
      return status.value.folder.token;
    });
    expect(await previewFromPage({ path: folderToken, shape: 'persons' })(page)).toBe(
      'PATH_WRONG_PURPOSE',
    );
  });

  it('keeps the earlier choice when the picker is cancelled, and imports the chosen file', async () => {
    const { page } = await start();
    await createVaultThroughUi(page, path.join(tempDir(), 'vault'));
    const file = path.join(tempDir(), 'invented-people.csv');
    writeFileSync(file, 'Name,Birth date\r\nВыдуманая Асоба,1970\r\n');
    await openImportDialog(page);
    const dialog = page.getByRole('dialog', { name: 'Import records' });
    const choose = dialog.getByLabel('File to import');
    await dialog.getByText('Nothing chosen yet').first().waitFor();
    await pick(choose, file);
    await dialog.getByText('invented-people.csv').waitFor();
    await cancelPick(choose);
    await dialog.getByText('invented-people.csv').waitFor();
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await dialog.getByRole('button', { name: 'Check the rows' }).waitFor();
  });

  it('refuses a folder that holds other files for a new vault, with a sentence', async () => {
    const { page } = await start();
    const busy = path.join(tempDir(), 'documents');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'letter.txt'), 'invented letter');
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await pick(page.getByLabel('Vault folder'), busy);
    await expect
      .poll(() => page.getByText('This folder holds other files.', { exact: false }).count())
      .toBe(1);
    await page.getByLabel('Passphrase', { exact: true }).fill(STRONG_PASSPHRASE);
    await page.getByLabel('Repeat passphrase').fill(STRONG_PASSPHRASE);
    expect(await page.getByRole('button', { name: 'Create vault' }).isDisabled()).toBe(true);
    expect(existsSync(path.join(busy, 'vault.vgh'))).toBe(false);
  });
});
