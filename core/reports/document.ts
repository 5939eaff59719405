import type { PrintJob } from '../api/print';
import type { Audience, ReportLanguage, ReportPreview } from '../api/reports';
import { fontFaceCss, type loadFontFaces } from './fonts';
import { esc } from './html';
import { translator } from './strings';
import { REPORT_CSS } from './styles';
import type { BuiltReport } from './types';

type Faces = Awaited<ReturnType<typeof loadFontFaces>>;

export interface DocumentOptions {
  language: ReportLanguage;
  audience: Audience;
  pageSize: 'A4' | 'Letter';
}

/** Millimetres: room for the running header and footer inside the top and bottom margins. */
const MARGINS = { top: 20, bottom: 18, left: 16, right: 16 };

/**
 * The heading, the internal banner and the body: the same markup in the preview and the PDF.
 * An internal document says so in its text, not only in the page header, so a copy of its
 * text says it too.
 */
function content(report: BuiltReport, options: DocumentOptions): string {
  const marking = internalMarking(report, options);
  const banner = marking ? `<p class="internal">${esc(marking)}</p>` : '';
  return (
    `<main class="report" lang="${options.language}">` +
    `<h1>${esc(report.title)}</h1><p class="subtitle">${esc(report.subtitle)}</p>` +
    `${banner}${report.body}</main>`
  );
}

/**
 * What an internal document says of itself on its first page and in every page header: that it
 * includes cases marked never publish when it does, else only that it is not for publication
 * (its withheld names are not pseudonymised either). Nothing for a publishable document.
 */
function internalMarking(report: BuiltReport, options: DocumentOptions): string | null {
  if (options.audience !== 'internal') return null;
  const t = translator('common', options.language);
  return report.disclosure.neverPublishIncluded > 0 ? t('internal') : t('internalOnly');
}

export function previewOf(report: BuiltReport, options: DocumentOptions): ReportPreview {
  return {
    title: report.title,
    html: content(report, options),
    css: REPORT_CSS,
    disclosure: report.disclosure,
  };
}

/**
 * The whole document to print: fonts inline, no script, nothing to fetch; the <title> becomes
 * the PDF's Title, so it is the report's neutral title. Chromium renders the header and footer
 * templates apart from the page, without its stylesheet, so they carry their own font faces
 * (regular weight only) and sizes; `pageNumber` and `totalPages` are filled in by Chromium.
 */
export function printJob(report: BuiltReport, options: DocumentOptions, faces: Faces): PrintJob {
  const t = translator('common', options.language);
  const html =
    `<!doctype html><html lang="${options.language}"><head><meta charset="utf-8">` +
    `<title>${esc(report.title)}</title>` +
    `<style>${fontFaceCss(faces)}\n${REPORT_CSS}</style></head>` +
    `<body>${content(report, options)}</body></html>`;
  const marginal = (inner: string) =>
    `<div class="marginal"><style>${fontFaceCss(faces, [400])}` +
    `.marginal { font-family: 'Noto Sans'; font-size: 7.5pt; color: #333; width: 100%; ` +
    `margin: 0 ${MARGINS.left}mm; display: flex; justify-content: space-between; gap: 8mm; }` +
    `.marginal b { font-weight: 400; text-transform: uppercase; }</style>${inner}</div>`;
  const marking = internalMarking(report, options);
  const internal = marking ? `<b>${esc(marking)}</b>` : '';
  const page = esc(t('page', { page: '\u0000', pages: '\u0001' }))
    .replace('\u0000', '<span class="pageNumber"></span>')
    .replace('\u0001', '<span class="totalPages"></span>');
  return {
    html,
    pageSize: options.pageSize,
    margins: MARGINS,
    headerTemplate: marginal(
      `<span>${esc(report.title)} · ${esc(report.subtitle)}</span>${internal}`,
    ),
    footerTemplate: marginal(`<span>${internal}</span><span>${page}</span>`),
  };
}
