import type { ReadDb } from '../db/handle';
import type { ThesaurusName } from '../api/records';
import { readRecords, type StoredRecord } from '../db/records';

export type LabelLanguage = 'en' | 'be' | 'ru';

/** One column of an exported table: its header and how a record fills it. */
export interface Column<R = StoredRecord> {
  header: string;
  value: (record: R) => string;
  /** Code columns name their thesaurus, so a label column can go beside them. */
  thesaurus?: ThesaurusName;
  /** For a column of several codes: the codes, each of which gets its label. */
  codes?: (record: R) => string[];
}

const LABEL_FIELD: Record<LabelLanguage, string> = { en: 'labelEn', be: 'labelBe', ru: 'labelRu' };

/** code -> label, per thesaurus; a missing translation falls back to English, then the code. */
export function labelLookup(db: ReadDb, language: LabelLanguage) {
  const labels = new Map<string, string>();
  for (const term of readRecords(db, 'thesaurusTerm', '1 = 1', [])) {
    const label = String(term[LABEL_FIELD[language]] || term.labelEn || term.code);
    labels.set(`${String(term.thesaurus)}/${String(term.code)}`, label);
  }
  return (thesaurus: ThesaurusName, code: string) =>
    code === '' ? '' : (labels.get(`${thesaurus}/${code}`) ?? code);
}

/** The file's own words for a pseudonym: its headers are English too. */
export const pseudonymLabel = (code: string) => `Case ${code}`;

/** The header of the label column beside a code column; the import ignores such columns. */
export const labelHeader = (header: string) => `${header} label`;

/** Adds "<header> label" after each code column when labels are asked for. */
export function withLabels<R>(
  columns: Column<R>[],
  db: ReadDb,
  language?: LabelLanguage,
): Column<R>[] {
  if (!language) return columns;
  const label = labelLookup(db, language);
  return columns.flatMap((column) => {
    const thesaurus = column.thesaurus;
    if (!thesaurus) return [column];
    const codes = column.codes ?? ((r: R) => [column.value(r)]);
    return [
      column,
      {
        header: labelHeader(column.header),
        value: (r: R) =>
          codes(r)
            .map((code) => label(thesaurus, code))
            .join('; '),
      },
    ];
  });
}

export function toRows<R>(columns: Column<R>[], records: R[]): string[][] {
  return [columns.map((c) => c.header), ...records.map((r) => columns.map((c) => c.value(r)))];
}
