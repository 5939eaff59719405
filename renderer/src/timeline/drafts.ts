import type { CustodyEventType } from '../../../core/api/records';
import { endsBeforeStart } from '../dates';
import type { FieldMessages } from '../forms/messages';
import type { CustodyEvent, Proceeding, RiskAssignment, StatusEvent } from './entries';

/** Empty text is "not known": stored as null, never as an empty code or date. */
function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Digits become a number; anything else goes to the schema as typed, which then says why. */
function wholeNumber(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** Custody events after which the kind of detention is worth recording. */
export const DETENTION_TYPES: ReadonlySet<CustodyEventType> = new Set([
  'detention',
  'arrest',
  'rearrest',
]);

export function custodyDraft(record: CustodyEvent | null) {
  return {
    date: record?.date ?? '',
    facility: record?.facility ?? '',
    releaseType: record?.releaseType ?? '',
    detentionType: record?.detentionType ?? '',
    proceedingId: record?.proceedingId ?? '',
    notes: record?.notes ?? '',
  };
}
export type CustodyDraft = ReturnType<typeof custodyDraft>;

/** A release type only on a release, a detention type only where it applies. */
export function custodyFields(type: CustodyEventType, draft: CustodyDraft) {
  return {
    type,
    date: orNull(draft.date),
    facility: orNull(draft.facility),
    releaseType: type === 'release' ? orNull(draft.releaseType) : null,
    detentionType: DETENTION_TYPES.has(type) ? orNull(draft.detentionType) : null,
    proceedingId: orNull(draft.proceedingId),
    notes: draft.notes,
  };
}

export function proceedingDraft(record: Proceeding | null) {
  return {
    kind: record?.kind ?? 'criminal',
    articles: record?.articles ?? [],
    court: record?.court ?? '',
    judge: record?.judge ?? '',
    caseNumber: record?.caseNumber ?? '',
    openedDate: record?.openedDate ?? '',
    verdictDate: record?.verdictDate ?? '',
    sentenceType: record?.sentenceType ?? '',
    sentenceMonths: numberText(record?.sentenceMonths ?? null),
    sentenceDays: numberText(record?.sentenceDays ?? null),
    regime: record?.regime ?? '',
    appealDate: record?.appealDate ?? '',
    appealOutcome: record?.appealOutcome ?? '',
    notes: record?.notes ?? '',
  };
}
export type ProceedingDraft = ReturnType<typeof proceedingDraft>;

export function proceedingFields(draft: ProceedingDraft) {
  return {
    ...draft,
    openedDate: orNull(draft.openedDate),
    verdictDate: orNull(draft.verdictDate),
    sentenceType: orNull(draft.sentenceType),
    sentenceMonths: wholeNumber(draft.sentenceMonths),
    sentenceDays: wholeNumber(draft.sentenceDays),
    appealDate: orNull(draft.appealDate),
  };
}

export function statusDraft(record: StatusEvent | null) {
  return {
    status: record?.status ?? 'recognised',
    date: record?.date ?? '',
    recognisedBy: record?.recognisedBy ?? '',
    notes: record?.notes ?? '',
  };
}
export type StatusDraft = ReturnType<typeof statusDraft>;

export function statusFields(draft: StatusDraft) {
  return { ...draft, date: orNull(draft.date) };
}

export function riskDraft(record: RiskAssignment | null) {
  return {
    category: record?.category ?? '',
    startDate: record?.startDate ?? '',
    endDate: record?.endDate ?? '',
    notes: record?.notes ?? '',
  };
}
export type RiskDraft = ReturnType<typeof riskDraft>;

export function riskFields(draft: RiskDraft) {
  return {
    ...draft,
    category: orNull(draft.category),
    startDate: orNull(draft.startDate),
    endDate: orNull(draft.endDate),
  };
}

/** A risk that ends before it starts is a typing mistake the schema cannot see. */
export function checkRiskDates(fields: Record<string, unknown>): FieldMessages {
  const { startDate, endDate } = fields;
  if (typeof startDate === 'string' && typeof endDate === 'string') {
    if (endsBeforeStart(startDate, endDate))
      return { endDate: { key: 'validation.endBeforeStart' } };
  }
  return {};
}
