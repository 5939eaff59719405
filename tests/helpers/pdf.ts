import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import type { PrintPdf } from '../../core/api/print';
import { browserPrinter } from '../../browser-host/printer';

/**
 * The browser host's PDF engine on a Chromium of the test's own, and readers of the PDFs made
 * with it that no one here wrote: poppler-utils.
 */
export async function launchPrinter(): Promise<{ printPdf: PrintPdf; close(): Promise<void> }> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium',
    // Chromium's sandbox refuses to start as root; that is a property of the test machine.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  return { printPdf: browserPrinter(browser), close: () => browser.close() };
}

const poppler = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** `pdfinfo` as key → value. */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of poppler('pdfinfo', [file]).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/** `pdffonts`: each font's name and whether it is embedded. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return poppler('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // name, type words…, encoding, emb, sub, uni, object, id: emb is the fifth from the end.
      return { name: cells[0] ?? '', embedded: cells[cells.length - 5] === 'yes' };
    });
}

/** The text of a page (1-based), or of every page, laid out as printed. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return poppler('pdftotext', ['-layout', ...range, file, '-']);
}

/** The document outline's titles, from `pdftohtml -xml`, in order. */
export function pdfOutline(file: string): string[] {
  const xml = poppler('pdftohtml', ['-xml', '-i', '-stdout', '-q', file]);
  const outline = xml.slice(xml.indexOf('<outline>'));
  return [...outline.matchAll(/<item[^>]*>([^<]*)<\/item>/g)].map((m) => unescapeXml(m[1] ?? ''));
}

/** The structure tree's element types (`pdfinfo -struct`), for tagged PDF. */
export function pdfStructure(file: string): string[] {
  return poppler('pdfinfo', ['-struct', file])
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
