import type { TFunction } from 'i18next';
import type { ThesaurusName } from '../../../core/api/records';
import { formatOptionalDate, formatPartialDate } from '../dates';
import type { TimelineEntry } from './entries';

type Label = (thesaurus: ThesaurusName, code: string) => string;

/** What the entry is: "Arrest", "Criminal case 1-234/2021", "Risk: Disability". */
export function entryTitle(t: TFunction, entry: TimelineEntry, label: Label): string {
  switch (entry.kind) {
    case 'custodyEvent':
      return t(`timeline.types.${entry.record.type}`);
    case 'proceeding': {
      const kind = t(`timeline.proceedingKinds.${entry.record.kind}`);
      return entry.record.caseNumber
        ? t('timeline.caseTitle', { kind, number: entry.record.caseNumber })
        : kind;
    }
    case 'statusEvent':
      return t(`timeline.statuses.${entry.record.status}`);
    case 'riskAssignment':
      return t('timeline.riskTitle', { category: label('risk_category', entry.record.category) });
  }
}

/** When: one date, or for a risk the span it covers. */
export function entryWhen(t: TFunction, entry: TimelineEntry): string {
  if (entry.kind !== 'riskAssignment') return formatOptionalDate(t, entry.date);
  const { startDate, endDate } = entry.record;
  if (startDate && endDate) {
    return t('dates.range', {
      start: formatPartialDate(t, startDate),
      end: formatPartialDate(t, endDate),
    });
  }
  if (startDate) return t('dates.since', { start: formatPartialDate(t, startDate, true) });
  if (endDate) return t('dates.until', { end: formatPartialDate(t, endDate, true) });
  return t('dates.unknown');
}

/** The entry named in one line, where it is referred to from elsewhere (sources, history). */
export function entryHeading(t: TFunction, entry: TimelineEntry, label: Label): string {
  return t('timeline.heading', { title: entryTitle(t, entry, label), when: entryWhen(t, entry) });
}

/** "3 years 6 months", "15 days". */
export function sentenceLength(t: TFunction, months: number | null, days: number | null): string {
  const parts: string[] = [];
  if (months !== null && months >= 12)
    parts.push(t('timeline.years', { count: Math.floor(months / 12) }));
  if (months !== null && months % 12 > 0) parts.push(t('timeline.months', { count: months % 12 }));
  if (days !== null && days > 0) parts.push(t('timeline.days', { count: days }));
  return parts.join(' ');
}

export interface Detail {
  term: string;
  value: string;
}

/** The entry's other recorded fields, in reading order; empty ones are left out. */
export function entryDetails(t: TFunction, entry: TimelineEntry, label: Label): Detail[] {
  const details: [string, string][] = [];
  switch (entry.kind) {
    case 'custodyEvent': {
      const { facility, releaseType, detentionType } = entry.record;
      if (facility) details.push([t('event.facility'), label('facility', facility)]);
      if (releaseType) details.push([t('event.releaseType'), label('release_type', releaseType)]);
      if (detentionType) {
        details.push([t('event.detentionType'), label('detention_type', detentionType)]);
      }
      break;
    }
    case 'proceeding': {
      const r = entry.record;
      if (r.articles.length > 0) {
        details.push([
          t('event.articles'),
          r.articles.map((code) => label('article', code)).join('; '),
        ]);
      }
      if (r.court) details.push([t('event.court'), r.court]);
      if (r.judge) details.push([t('event.judge'), r.judge]);
      if (r.verdictDate)
        details.push([t('event.verdictDate'), formatPartialDate(t, r.verdictDate)]);
      const length = sentenceLength(t, r.sentenceMonths, r.sentenceDays);
      const type = r.sentenceType ? label('sentence_type', r.sentenceType) : '';
      if (type || length) {
        details.push([t('timeline.sentence'), [type, length].filter(Boolean).join(', ')]);
      }
      if (r.regime) details.push([t('event.regime'), r.regime]);
      if (r.appealDate || r.appealOutcome) {
        const date = r.appealDate ? formatPartialDate(t, r.appealDate) : '';
        details.push([t('timeline.appeal'), [date, r.appealOutcome].filter(Boolean).join(': ')]);
      }
      break;
    }
    case 'statusEvent':
      if (entry.record.recognisedBy) {
        details.push([t('event.recognisedBy'), entry.record.recognisedBy]);
      }
      break;
    case 'riskAssignment':
      break;
  }
  if (entry.record.notes) details.push([t('event.details'), entry.record.notes]);
  return details.map(([term, value]) => ({ term, value }));
}
