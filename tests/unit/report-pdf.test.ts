import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrintPdf } from '../../core/api/print';
import type { DisclosureSummary } from '../../core/api/reports';
import { printJob, type DocumentOptions } from '../../core/reports/document';
import { defaultFontDir, loadFontFaces } from '../../core/reports/fonts';
import { esc } from '../../core/reports/html';
import { neutralPdfInfo, pdfPageCount } from '../../core/reports/pdfFile';
import type { BuiltReport } from '../../core/reports/types';
import {
  launchPrinter,
  pdfFonts,
  pdfInfo,
  pdfOutline,
  pdfStructure,
  pdfText,
} from '../helpers/pdf';
import { useTempDirs } from '../helpers/tempDir';

// The document around every report, printed by the browser host's engine and read back with
// poppler-utils: fonts, tagging, outline, page header and footer, metadata.

const NONE: DisclosureSummary = {
  audience: 'publish',
  persons: 0,
  leftOut: 0,
  pseudonymised: 0,
  neverPublishIncluded: 0,
  sourcesWithheld: 0,
};

/** Belarusian, Russian, romanised Belarusian and typographic punctuation, in both weights. */
const SAMPLE = 'Палітвязні ў Гомелі — «Іван Ўладзь», Ёлкін; Łukašenka, Ŭładzimir: “quoted” № 5…';

function sampleReport(rows: number): BuiltReport {
  const lines = Array.from({ length: rows }, (_, i) => [`${SAMPLE} ${i + 1}`, String(i + 1)]);
  return {
    title: 'Палітвязні: лічбы',
    subtitle: 'Па стане на 6 мая 2024 г.',
    body:
      `<h2>Агульныя лічбы</h2><p><b>${esc(SAMPLE)}</b></p><h3>Падраздзел</h3>` +
      `<table><thead><tr><th>Імя</th><th class="number">№</th></tr></thead><tbody>` +
      lines
        .map(([a, b]) => `<tr><td>${esc(a ?? '')}</td><td class="number">${b}</td></tr>`)
        .join('') +
      `</tbody></table><h2>Апошні раздзел</h2><p>${esc(SAMPLE)}</p>`,
    tables: [],
    disclosure: NONE,
  };
}

describe('the printed report document', () => {
  const tempDir = useTempDirs();
  let printer: { printPdf: PrintPdf; close(): Promise<void> };

  beforeAll(async () => {
    printer = await launchPrinter();
  });
  afterAll(async () => {
    await printer.close();
  });

  async function print(report: BuiltReport, options: DocumentOptions): Promise<string> {
    const faces = await loadFontFaces(defaultFontDir());
    const pdf = neutralPdfInfo(await printer.printPdf(printJob(report, options, faces)));
    const file = path.join(tempDir(), 'report.pdf');
    writeFileSync(file, pdf);
    expect(pdfPageCount(pdf)).toBe(Number(pdfInfo(file).Pages));
    return file;
  }

  it('embeds only the bundled font, tags the PDF, outlines its headings and numbers its pages', async () => {
    const file = await print(sampleReport(120), {
      language: 'be',
      audience: 'publish',
      pageSize: 'A4',
    });
    const info = pdfInfo(file);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThan(2);
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toMatch(/^595\.\d+ x 84\d\.\d+ pts \(A4\)$/);
    expect(info.Title).toBe('Палітвязні: лічбы');
    expect(info.Creator).toBe('Vigil');
    expect(info.Producer).toBe('Vigil');

    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.name, 'a system font was embedded: a glyph is missing').toMatch(/\+NotoSans/);
    }
    expect(new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))).toEqual(
      new Set(['NotoSans-Regular', 'NotoSans-Bold']),
    );

    expect(pdfOutline(file)).toEqual([
      'Палітвязні: лічбы',
      'Агульныя лічбы',
      'Падраздзел',
      'Апошні раздзел',
    ]);
    expect(pdfStructure(file)).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'Table']));

    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain(SAMPLE.replace(/\s+/g, ' '));
    for (let page = 1; page <= pages; page++) {
      const pageText = pdfText(file, page).replace(/\s+/g, ' ');
      expect(pageText).toContain(`Старонка ${page} з ${pages}`);
      expect(pageText).toContain('Палітвязні: лічбы · Па стане на 6 мая 2024 г.');
      expect(pageText).not.toMatch(/ДЛЯ ЎНУТРАНАГА|Для ўнутранага/);
    }
  });

  it('says "internal" on every page of an internal document, and prints Letter when asked', async () => {
    const report = sampleReport(90);
    report.disclosure = { ...NONE, audience: 'internal', persons: 3, neverPublishIncluded: 1 };
    const file = await print(report, { language: 'ru', audience: 'internal', pageSize: 'Letter' });
    const info = pdfInfo(file);
    expect(info['Page size']).toMatch(/^612 x 792 pts \(letter\)$/);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const pageText = pdfText(file, page).replace(/\s+/g, ' ').toLowerCase();
      expect(pageText).toContain(
        'для внутреннего пользования — включает дела с пометкой «никогда не публиковать»',
      );
      expect(pageText).toContain(`страница ${page} из ${pages}`);
    }
  });

  it('marks an internal document without never-publish cases as not for publication only', async () => {
    const report = sampleReport(3);
    report.disclosure = { ...NONE, audience: 'internal', persons: 3 };
    const file = await print(report, { language: 'en', audience: 'internal', pageSize: 'A4' });
    const text = pdfText(file).replace(/\s+/g, ' ').toLowerCase();
    expect(text).toContain('internal — not for publication');
    expect(text).not.toContain('never publish');
  });

  it('refuses to print with a font it cannot read', async () => {
    await expect(loadFontFaces(path.join(tempDir(), 'no-fonts'))).rejects.toMatchObject({
      code: 'REPORT_FONT_FAILED',
    });
  });
});
