import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVaultThroughUi, launchApp, openImportDialog, pick } from '../helpers/browserHost';
import { useTempDirs } from '../helpers/tempDir';

const tempDir = useTempDirs();
const originalTmp = process.env.TMPDIR;

afterAll(restoreTmpDir);

const SAVED = ['Zyxwquartz Plaintextova', 'Зюйдвестава Адкрытая'];
const DRAFT = ['Draftonius Unsavedsky', 'Чарнавік Незахаваны'];

/** Invented: the first row of a sheet without a header row, and names the user gives. */
const HEADERLESS_ROW = ['Ondrelka Vymyslenova', '1983-11-27'];
const MAPPING_NAME = 'Kestrelwick layout';
const COUNT_NAME = 'Quillbarrow tally';

function restoreTmpDir(): void {
  if (originalTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmp;
}

function filesUnder(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** Every file under the folders that holds any needle in UTF-8 or UTF-16. */
function leaks(roots: string[], needles: string[]): string[] {
  const patterns = needles.flatMap((n) => [Buffer.from(n, 'utf8'), Buffer.from(n, 'utf16le')]);
  return roots
    .flatMap(filesUnder)
    .filter((file) => statSync(file).size < 512 * 1024 * 1024)
    .filter((file) => {
      const bytes = readFileSync(file);
      return patterns.some((p) => bytes.includes(p));
    });
}

/**
 * A folder for one app run: its settings, vault and temp folders, the scan's whole territory.
 * Chromium's profile and every temp file of this process and the browser go under `tmp`.
 */
function scannedRoot() {
  const root = tempDir();
  const tmp = path.join(root, 'tmp');
  mkdirSync(tmp);
  process.env.TMPDIR = tmp;
  return { tmp, dataDir: path.join(root, 'data'), folder: path.join(root, 'vault') };
}

describe('no plaintext on disk', () => {
  it('has a scanner that finds a name in UTF-8 and in UTF-16', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a'), Buffer.from(`x${SAVED[1]}y`, 'utf16le'));
    mkdirSync(path.join(dir, 'deep'));
    writeFileSync(path.join(dir, 'deep', 'b'), `…${SAVED[0]}…`);
    expect(
      leaks([dir], SAVED)
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('keeps saved names and unsaved drafts out of every file the app and browser write', async () => {
    const { tmp, dataDir, folder } = scannedRoot();
    const app = await launchApp(dataDir);
    try {
      const { page } = app;
      const recoveryKey = await createVaultThroughUi(page, folder);
      for (const name of SAVED) {
        await page.getByRole('button', { name: 'Add person' }).click();
        await page.getByLabel('Name', { exact: true }).fill(name);
        await page.getByLabel('Notes').fill(`${name} notes`);
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await expect
          .poll(() => page.getByRole('list', { name: 'People' }).textContent())
          .toContain(name);
      }
      await page.getByRole('button', { name: 'Add person' }).click();
      await page.getByLabel('Name', { exact: true }).fill(DRAFT.join(' '));
      await page.getByLabel('Notes').fill(DRAFT[1]!);

      const storage = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        cookie: document.cookie,
        idb: (await indexedDB.databases()).length,
      }));
      expect(storage).toEqual({ local: 0, session: 0, cookie: '', idb: 0 });

      // Closing the page's context makes Chromium end its session with the draft still typed:
      // whatever it would write for it is written by the time the close is confirmed.
      await app.context.close();
      const profiles = readdirSync(tmp).filter((name) => name.startsWith('playwright'));
      expect(profiles.length).toBeGreaterThan(0);
      expect(leaks([folder, dataDir, tmp], [...SAVED, ...DRAFT, recoveryKey])).toEqual([]);
    } finally {
      await app.close();
    }
    expect(leaks([folder, dataDir, tmp], [...SAVED, ...DRAFT])).toEqual([]);
  });

  it('keeps a saved import mapping of a sheet without a header row, and a saved count, out of every file', async () => {
    // The previous case left TMPDIR at a folder that is gone; the sheet must lie outside the scan.
    restoreTmpDir();
    const sheet = path.join(tempDir(), 'no-header.csv');
    writeFileSync(sheet, `${HEADERLESS_ROW.join(',')}\nSelvaric Nemovitá,1991-06-08\n`);
    const { tmp, dataDir, folder } = scannedRoot();
    const needles = [...HEADERLESS_ROW, MAPPING_NAME, COUNT_NAME];
    const app = await launchApp(dataDir);
    try {
      const { page } = app;
      await createVaultThroughUi(page, folder);

      await openImportDialog(page);
      const dialog = page.getByRole('dialog', { name: 'Import records' });
      await pick(dialog.getByLabel('File to import'), sheet);
      await dialog.getByLabel('Table shape').selectOption({ label: 'Persons: one row per person' });
      await dialog.getByRole('button', { name: 'Check file' }).click();
      await dialog.getByRole('heading', { name: 'Columns' }).waitFor();
      // Without a header row, the first person's name and birth date are the column names.
      const [nameColumn, birthColumn] = HEADERLESS_ROW;
      await dialog.getByLabel(`Vigil field for column “${nameColumn}”`).selectOption('name');
      await dialog.getByLabel(`Vigil field for column “${birthColumn}”`).selectOption('birthDate');
      await dialog.getByLabel('Save this mapping as…').fill(MAPPING_NAME);
      await dialog.getByRole('button', { name: 'Save mapping' }).click();
      await dialog
        .getByRole('status')
        .filter({ hasText: `Mapping “${MAPPING_NAME}” saved.` })
        .waitFor();
      // Choosing it again puts the columns back, matched by the keys the vault keeps.
      const nameTarget = dialog.getByLabel(`Vigil field for column “${nameColumn}”`);
      await nameTarget.selectOption('ignore');
      await dialog.getByLabel('Use a saved mapping').selectOption({ label: MAPPING_NAME });
      await dialog
        .getByRole('status')
        .filter({ hasText: `Mapping “${MAPPING_NAME}” applied.` })
        .waitFor();
      expect(await nameTarget.inputValue()).toBe('name');
      await dialog.getByRole('button', { name: 'Close import' }).click();

      await page.getByRole('button', { name: 'Figures', exact: true }).click();
      const custom = page.getByRole('region', { name: 'Custom count' });
      await custom.getByLabel('Name of the saved count').fill(COUNT_NAME);
      await custom.getByRole('button', { name: 'Save', exact: true }).click();
      await custom
        .getByLabel('Saved counts')
        .getByRole('option', { name: COUNT_NAME })
        .waitFor({ state: 'attached' });

      expect(leaks([folder, dataDir, tmp], needles)).toEqual([]);
    } finally {
      await app.close();
    }
    // After the browser has exited, everything it would write is on disk.
    expect(leaks([folder, dataDir, tmp], needles)).toEqual([]);
  });
});
