/**
 * `npx tsx scripts/report-images.ts`: the pictures of docs/reports.md. Makes a vault of invented
 * demo cases in a temp folder, saves one report of each kind with the browser host's PDF engine,
 * and renders each first page with poppler's `pdftoppm` into docs/images/.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { browserPrinter } from '../browser-host/printer';
import { createHandlers } from '../core/service/handlers';
import { dispatch } from '../core/service/dispatch';
import { CoreSession } from '../core/service/session';

const AS_OF = '2024-05-06';
const OUT = path.join(__dirname, '..', 'docs', 'images');

async function main(): Promise<void> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'vigil-report-images-'));
  const browser = await chromium.launch({
    executablePath: process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium',
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const session = await CoreSession.start({
      dataDir: path.join(root, 'data'),
      kdf: { opsLimit: 1, memKiB: 8 * 1024 },
      reports: { printPdf: browserPrinter(browser) },
    });
    const handlers = createHandlers(session);
    const call = async (method: string, args: unknown) => {
      const result = await dispatch(handlers, method, args);
      if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
      return result.value as Record<string, unknown>;
    };
    await call('createVault', {
      folder: path.join(root, 'vault'),
      passphrase: 'demo passphrase only',
    });
    await call('loadDemoData', { persons: 500 });
    const inCustody = (await call('figureInCustody', { asOf: AS_OF })) as { personIds: string[] };
    const reports = {
      figures: {
        template: 'figures',
        language: 'be',
        params: { asOf: AS_OF, releasesFrom: '2020', releasesTo: '2024-05-06' },
      },
      list: {
        template: 'list',
        language: 'ru',
        params: { persons: { kind: 'inCustody', asOf: AS_OF }, groupBy: 'facility' },
      },
      dossier: {
        template: 'dossier',
        language: 'en',
        params: { personId: inCustody.personIds[0] },
      },
    };
    for (const [name, spec] of Object.entries(reports)) {
      const file = path.join(root, `${name}.pdf`);
      await call('saveReport', { ...spec, path: file, confirmPlaintext: true });
      const prefix = path.join(root, name);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        prefix,
      ]);
      await fs.copyFile(`${prefix}.png`, path.join(OUT, `report-${name}.png`));
      console.error(`docs/images/report-${name}.png`);
    }
  } finally {
    await browser.close();
    await fs.rm(root, { recursive: true, force: true });
  }
}

void main();
