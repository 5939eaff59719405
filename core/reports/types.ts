import type { ReadDb } from '../db/handle';
import type { ThesaurusName } from '../api/records';
import type { Audience, DisclosureSummary, ReportFigure, ReportLanguage } from '../api/reports';
import type { PrintPdf } from '../api/print';
import type { Translate } from './strings';

/** What every template gets besides its parameters. */
export interface ReportContext {
  db: ReadDb;
  language: ReportLanguage;
  audience: Audience;
  /** The common words (months are in format.ts). */
  t: Translate<'common'>;
  /**
   * A thesaurus term's label in the report's language (English, then the code, as fallback);
   * "not recorded" in that language for no code.
   */
  label(thesaurus: ThesaurusName, code: string | null): string;
  /** Today, YYYY-MM-DD, given by the service: templates never read the clock. */
  today: string;
}

/** A report as a template makes it, before it becomes a document (document.ts) or a sheet. */
export interface BuiltReport {
  /** Plain text: the heading, the document's <title> and so the PDF's Title. Names no case. */
  title: string;
  /** Plain text under the title and in every page's header, e.g. "As of 6 May 2024". */
  subtitle: string;
  /**
   * The body as HTML, every text escaped (html.ts), no script, no inline style (the app's CSP
   * refuses it in the preview): sections with <h2>/<h3> headings, which become the PDF's
   * outline; classes from styles.ts.
   */
  body: string;
  /** The same content as tables, first row the headers, for CSV and XLSX. */
  tables: { name: string; rows: string[][] }[];
  disclosure: DisclosureSummary;
  /** A figures report's headline figures, as it states them: what its snapshot records. */
  figures?: ReportFigure[];
}

export type ReportBuilder<P> = (params: P, context: ReportContext) => BuiltReport;

/** What producing a report needs from the worker around it. */
export interface ReportDeps {
  /** The host's PDF engine; absent where no host can print (a spreadsheet still can be made). */
  printPdf?: PrintPdf;
  fontDir: string;
  /** Today, YYYY-MM-DD: the only clock a report reads. */
  today(): string;
}
