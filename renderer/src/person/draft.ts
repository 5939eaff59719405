import type { z } from 'zod';
import { PersonFields, type Person } from '../../../core/api/records';
import type en from '../../../resources/locales/en/translation.json';

/** The person form as typed: every field is text until it is checked. */
export interface PersonDraft {
  name: string;
  nameLatin: string;
  birthDate: string;
  citizenship: string;
  notes: string;
}

export type DraftField = keyof PersonDraft;

/** Form order, so that the first invalid field can take the focus. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'name',
  'nameLatin',
  'birthDate',
  'citizenship',
  'notes',
];

export const EMPTY_DRAFT: PersonDraft = {
  name: '',
  nameLatin: '',
  birthDate: '',
  citizenship: '',
  notes: '',
};

export interface FieldMessage {
  key: `validation.${keyof typeof en.validation}`;
  values?: Record<string, string | number>;
}

export type FieldMessages = Partial<Record<DraftField, FieldMessage>>;

export type DraftCheck = { ok: true; fields: PersonFields } | { ok: false; errors: FieldMessages };

export function draftFromPerson(person: Person): PersonDraft {
  return {
    name: person.name,
    nameLatin: person.nameLatin,
    birthDate: person.birthDate ?? '',
    citizenship: person.citizenship.join(', '),
    notes: person.notes,
  };
}

export function sameDraft(a: PersonDraft, b: PersonDraft): boolean {
  return DRAFT_FIELDS.every((field) => a[field] === b[field]);
}

function splitCountries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter((code) => code !== '')
    .map((code) => code.toUpperCase());
}

/** Checks the draft with the same schema the core applies, and says what is wrong in words. */
export function checkDraft(draft: PersonDraft): DraftCheck {
  const countries = splitCountries(draft.citizenship);
  const birthDate = draft.birthDate.trim();
  const parsed = PersonFields.safeParse({
    name: draft.name,
    nameLatin: draft.nameLatin,
    birthDate: birthDate === '' ? null : birthDate,
    citizenship: countries,
    notes: draft.notes,
  });
  if (parsed.success) return { ok: true, fields: parsed.data };
  const errors: FieldMessages = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !DRAFT_FIELDS.includes(field as DraftField)) continue;
    errors[field as DraftField] ??= messageFor(issue, countries);
  }
  return { ok: false, errors };
}

function messageFor(issue: z.core.$ZodIssue, countries: readonly string[]): FieldMessage {
  const field = issue.path[0];
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return field === 'citizenship' && issue.origin === 'array'
      ? { key: 'validation.tooManyCountries', values: { max } }
      : { key: 'validation.tooLong', values: { max } };
  }
  if (field === 'name' && issue.code === 'too_small') return { key: 'validation.nameRequired' };
  if (field === 'birthDate') {
    return {
      key: issue.code === 'invalid_format' ? 'validation.dateFormat' : 'validation.dateImpossible',
    };
  }
  if (field === 'citizenship') {
    const index = issue.path[1];
    const value = typeof index === 'number' ? (countries[index] ?? '') : '';
    return { key: 'validation.countryCode', values: { value } };
  }
  return { key: 'validation.invalid' };
}

/**
 * Only the fields that really changed: the core records each field's change separately for
 * history and sync, so resending an unchanged field would overwrite a colleague's newer edit.
 */
export function changedFields(before: Person, after: PersonFields): Partial<PersonFields> {
  const changes: Partial<PersonFields> = {};
  if (after.name !== before.name) changes.name = after.name;
  if (after.nameLatin !== before.nameLatin) changes.nameLatin = after.nameLatin;
  if (after.birthDate !== before.birthDate) changes.birthDate = after.birthDate;
  if (after.citizenship.join(',') !== before.citizenship.join(',')) {
    changes.citizenship = after.citizenship;
  }
  if (after.notes !== before.notes) changes.notes = after.notes;
  return changes;
}
