import type { TFunction } from 'i18next';
import type { ImportResult } from '../../../core/api/importRuns';
import { formatNumber } from '../format';

/** The counts a finished import reports, each with the phrase that words it, in this order. */
const PARTS = [
  ['personsCreated', 'import.people'],
  ['personsUpdated', 'import.peopleUpdated'],
  ['unchanged', 'import.unchanged'],
  ['eventsCreated', 'import.events'],
  ['proceedingsCreated', 'import.courtCases'],
  ['statusesCreated', 'import.statuses'],
  ['termsCreated', 'import.terms'],
] as const;

/**
 * "Imported 12 rows: 10 people, 2 people updated, 1 new thesaurus term. Skipped 3." Only the
 * counts above zero are said; a cancelled import says how far it got.
 */
export function resultSentence(t: TFunction, result: ImportResult, language: string): string {
  const counted = (count: number) => ({ count, formatted: formatNumber(language, count) });
  const rows = t('import.rows', counted(result.imported));
  const skipped = formatNumber(language, result.skipped);
  const parts = PARTS.filter(([field]) => result[field] > 0).map(([field, phrase]) =>
    t(phrase, counted(result[field])),
  );
  const sentence =
    parts.length > 0
      ? t('import.result', { rows, parts: parts.join(', '), skipped })
      : t('import.resultEmpty', { rows, skipped });
  return result.cancelled ? `${sentence} ${t('import.resultCancelled')}` : sentence;
}
