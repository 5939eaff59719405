import type { StoredRecord } from '../db/records';
import type { ReportContext } from './types';

/**
 * A proceeding's sentence as a report writes it: the type's label and the length in the
 * report's words and plural forms, "Imprisonment, 3 years 6 months", "Пазбаўленне волі, 3 гады
 * 6 месяцаў". Empty when neither is recorded.
 */
export function sentenceText(proceeding: StoredRecord, context: ReportContext): string {
  const type =
    typeof proceeding.sentenceType === 'string' && proceeding.sentenceType
      ? context.label('sentence_type', proceeding.sentenceType)
      : '';
  const length = sentenceLength(
    proceeding.sentenceMonths as number | null,
    proceeding.sentenceDays as number | null,
    context,
  );
  return [type, length].filter(Boolean).join(', ');
}

/** 42 months and 10 days: "3 years 6 months 10 days"; nothing for no length or zero. */
function sentenceLength(months: number | null, days: number | null, { t }: ReportContext): string {
  const years = Math.floor((months ?? 0) / 12);
  const parts = [
    years > 0 ? t('durationYears', { count: years }) : '',
    (months ?? 0) % 12 > 0 ? t('durationMonths', { count: (months ?? 0) % 12 }) : '',
    (days ?? 0) > 0 ? t('durationDays', { count: days ?? 0 }) : '',
  ];
  return parts.filter(Boolean).join(' ');
}
