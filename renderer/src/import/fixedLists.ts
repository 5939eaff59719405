import type { TFunction } from 'i18next';
import type { ImportTarget } from '../../../core/api/import';
import {
  Consent,
  CustodyEventType,
  ProceedingKind,
  Sex,
  StatusKind,
} from '../../../core/api/records';

interface FixedList {
  codes: readonly string[];
  /** A code in words, as the person page and the timeline say it. */
  label: (t: TFunction, code: string) => string;
}

function listOf<C extends string>(
  codes: readonly C[],
  label: (t: TFunction, code: C) => string,
): FixedList {
  const known = (code: string): code is C => (codes as readonly string[]).includes(code);
  return { codes, label: (t, code) => (known(code) ? label(t, code) : code) };
}

/**
 * The coded columns whose codes are a fixed list of the data model rather than a thesaurus:
 * a value of them can be read as one of these codes or left out, never made a new term. An
 * event table's type may also say that the row is a risk category.
 */
const FIXED_LISTS: Partial<Record<ImportTarget, FixedList>> = {
  sex: listOf(Sex.options, (t, code) => t(`person.sexes.${code}`)),
  consent: listOf(Consent.options, (t, code) => t(`person.consents.${code}`)),
  type: listOf([...CustodyEventType.options, 'risk'], (t, code) =>
    code === 'risk' ? t('timeline.types.riskAssignment') : t(`timeline.types.${code}`),
  ),
  kind: listOf(ProceedingKind.options, (t, code) => t(`timeline.proceedingKinds.${code}`)),
  status: listOf(StatusKind.options, (t, code) => t(`timeline.statuses.${code}`)),
};

/** The codes a value of this target may be read as; empty for a target without a fixed list. */
export function fixedCodes(target: ImportTarget): readonly string[] {
  return FIXED_LISTS[target]?.codes ?? [];
}

/** A fixed code in words; the code itself for one the list does not have. */
export function fixedLabel(t: TFunction, target: ImportTarget, code: string): string {
  return FIXED_LISTS[target]?.label(t, code) ?? code;
}
