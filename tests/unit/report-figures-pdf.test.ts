import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintPdf } from '../../core/api/print';
import { FiguresReportParams } from '../../core/api/reports';
import { loadDemoData } from '../../core/demo/load';
import { printJob } from '../../core/reports/document';
import { buildFiguresReport } from '../../core/reports/figures/report';
import { defaultFontDir, loadFontFaces } from '../../core/reports/fonts';
import { neutralPdfInfo } from '../../core/reports/pdfFile';
import { launchPrinter, pdfFonts, pdfInfo, pdfOutline, pdfText } from '../helpers/pdf';
import { reportContext } from '../helpers/reportContext';
import { coreWithVault, type TestCore } from '../helpers/session';

// The Belarusian figures report printed by the browser host's engine and read back with
// poppler-utils: the words and numbers as printed, the chart's text in the bundled font, the
// sections in the outline, and no withheld name in a publishable appendix.

const PARAMS = { asOf: '2024-05-06', releasesFrom: '2019', releasesTo: '2024', appendix: true };

let root: string;
let core: TestCore;
let printer: { printPdf: PrintPdf; close(): Promise<void> };

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'vigil-test-'));
  core = await coreWithVault(root);
  await loadDemoData(core.session, 200, 1);
  printer = await launchPrinter();
}, 120_000);

afterAll(async () => {
  await printer.close();
  await core.session.lock();
  rmSync(root, { recursive: true, force: true });
});

describe('the printed figures report', () => {
  it('prints the figures in Belarusian in the bundled font, outlined by section', async () => {
    const db = (await core.session.readVault()).db;
    const report = buildFiguresReport(
      FiguresReportParams.parse(PARAMS),
      reportContext(db, 'be', 'publish'),
    );
    const faces = await loadFontFaces(defaultFontDir());
    const job = printJob(report, { language: 'be', audience: 'publish', pageSize: 'A4' }, faces);
    const file = path.join(root, 'figures.pdf');
    writeFileSync(file, neutralPdfInfo(await printer.printPdf(job)));

    expect(pdfInfo(file).Title).toBe('Палітвязні: лічбы');
    for (const font of pdfFonts(file)) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, 'a system font was embedded: a glyph is missing').toMatch(/\+NotoSans/);
    }

    const text = pdfText(file).replace(/\s+/g, ' ');
    const inCustody = await core.call('figureInCustody', { asOf: PARAMS.asOf });
    const n = inCustody.value;
    const noun = { one: 'палітвязень', few: 'палітвязні', many: 'палітвязняў' }[
      new Intl.PluralRules('be').select(n) as 'one' | 'few' | 'many'
    ];
    expect(text).toContain(`Не менш як ${n} ${noun} пад вартай`);
    expect(text).toContain('Па стане на 6 мая 2024 г. · вызваленні з 2019 па 2024');
    // The chart's axis and year labels are text in the bundled font, not an image.
    expect(text).toMatch(/2020 2021 2022 2023 2024/);

    const outline = pdfOutline(file);
    expect(outline.slice(0, 7)).toEqual([
      'Палітвязні: лічбы',
      'Пад вартай',
      'Група асаблівай рызыкі',
      'Паводле катэгорый рызыкі',
      'Вызваленні',
      'Паводле падставы вызвалення',
      'Паводле года і падставы',
    ]);
    expect(outline).toContain('Дадатак: справы за кожнай лічбай');

    const { items } = await core.call('figureCases', {
      personIds: [...inCustody.personIds, ...inCustody.uncertainIds],
    });
    // In reading order, not laid out: a name in a column of the case lists stays whole.
    const reading = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    const hidden = items.filter((p) => p.consent !== 'publish');
    expect(hidden.length).toBeGreaterThan(0);
    for (const person of hidden) expect(reading).not.toContain(person.name);
    for (const person of items.filter((p) => p.consent === 'publish'))
      expect(reading).toContain(person.name);
  }, 60_000);
});
