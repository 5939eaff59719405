import type { ThesaurusName } from '../../core/api/records';
import type { Audience, ReportLanguage } from '../../core/api/reports';
import type { ReadDb } from '../../core/db/handle';
import { all } from '../../core/db/statements';
import { translator } from '../../core/reports/strings';
import type { ReportContext } from '../../core/reports/types';

const LABEL_COLUMN = { en: 'label_en', be: 'label_be', ru: 'label_ru' } as const;

/**
 * A report context for template tests: labels straight from the thesaurus table in the
 * report's language, English and then the code as fallback, as ReportContext promises.
 */
export function reportContext(
  db: ReadDb,
  language: ReportLanguage,
  audience: Audience = 'publish',
): ReportContext {
  const t = translator('common', language);
  const labels = new Map<string, string>();
  for (const row of all(
    db,
    `SELECT thesaurus, code, label_en, ${LABEL_COLUMN[language]} AS label FROM thesaurus_terms WHERE deleted = 0`,
  )) {
    labels.set(`${String(row.thesaurus)}/${String(row.code)}`, String(row.label || row.label_en));
  }
  return {
    db,
    language,
    audience,
    t,
    label: (thesaurus: ThesaurusName, code: string | null) =>
      code === null ? t('notRecorded') : (labels.get(`${thesaurus}/${code}`) ?? code),
    today: '2025-01-15',
  };
}
