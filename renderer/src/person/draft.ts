import { DEFAULT_SCHEME, formatExternalId, parseExternalId } from '../../../core/api/externalIds';
import { PersonFields, type Person } from '../../../core/api/records';
import {
  fieldMessages,
  issueMessage,
  type FieldMessage,
  type FieldMessages,
} from '../forms/messages';

/** The person form as typed: every field is text until it is checked. */
export interface PersonDraft {
  name: string;
  nameLatin: string;
  /** One spelling a line. */
  nameVariants: string;
  /** One id a line, `scheme: value`; a line without a scheme is a list number. */
  externalIds: string;
  /** '' when not recorded. */
  sex: string;
  birthDate: string;
  citizenship: string;
  /** A region code, '' when not recorded. */
  region: string;
  occupation: string;
  consent: string;
  notes: string;
}

export type DraftField = keyof PersonDraft;

/** Form order, so that the first invalid field can take the focus. */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'name',
  'nameLatin',
  'nameVariants',
  'externalIds',
  'sex',
  'birthDate',
  'citizenship',
  'region',
  'occupation',
  'consent',
  'notes',
];

/** A new person's name is withheld until someone decides otherwise, as in the core. */
export const EMPTY_DRAFT: PersonDraft = {
  name: '',
  nameLatin: '',
  nameVariants: '',
  externalIds: '',
  sex: '',
  birthDate: '',
  citizenship: '',
  region: '',
  occupation: '',
  consent: 'withhold_name',
  notes: '',
};

export type DraftCheck =
  { ok: true; fields: PersonFields } | { ok: false; errors: FieldMessages<DraftField> };

export function draftFromPerson(person: Person): PersonDraft {
  return {
    name: person.name,
    nameLatin: person.nameLatin,
    nameVariants: person.nameVariants.join('\n'),
    externalIds: person.externalIds
      .map((id) => {
        const parsed = parseExternalId(id);
        return parsed ? `${parsed.scheme}: ${parsed.value}` : id;
      })
      .join('\n'),
    sex: person.sex ?? '',
    birthDate: person.birthDate ?? '',
    citizenship: person.citizenship.join(', '),
    region: person.region ?? '',
    occupation: person.occupation,
    consent: person.consent,
    notes: person.notes,
  };
}

export function sameDraft(a: PersonDraft, b: PersonDraft): boolean {
  return DRAFT_FIELDS.every((field) => a[field] === b[field]);
}

/**
 * The draft after the stored person changed under it (an undo, a colleague's edit): fields the
 * user has typed into keep what they typed, the others show the stored value.
 */
export function rebaseDraft(draft: PersonDraft, before: PersonDraft, after: PersonDraft) {
  const rebased = { ...after };
  for (const field of DRAFT_FIELDS) {
    if (draft[field] !== before[field]) rebased[field] = draft[field];
  }
  return rebased;
}

function splitCountries(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter((code) => code !== '')
    .map((code) => code.toUpperCase());
}

/** "list: 1042" or "1042" (a list number) as the core writes an id. */
function externalIdsOf(text: string): string[] {
  return splitLines(text).map((line) => {
    const colon = line.indexOf(':');
    return colon > 0
      ? formatExternalId(line.slice(0, colon), line.slice(colon + 1))
      : formatExternalId(DEFAULT_SCHEME, line);
  });
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Checks the draft with the same schema the core applies, and says what is wrong in words. */
export function checkDraft(draft: PersonDraft): DraftCheck {
  const countries = splitCountries(draft.citizenship);
  const birthDate = draft.birthDate.trim();
  const parsed = PersonFields.safeParse({
    name: draft.name,
    nameLatin: draft.nameLatin,
    nameVariants: splitLines(draft.nameVariants),
    externalIds: externalIdsOf(draft.externalIds),
    sex: draft.sex === '' ? null : draft.sex,
    birthDate: birthDate === '' ? null : birthDate,
    citizenship: countries,
    region: draft.region === '' ? null : draft.region,
    occupation: draft.occupation,
    consent: draft.consent,
    notes: draft.notes,
  });
  if (parsed.success) return { ok: true, fields: parsed.data };
  return {
    ok: false,
    errors: fieldMessages(parsed.error.issues, DRAFT_FIELDS, (issue): FieldMessage => {
      const field = issue.path[0];
      if (field === 'name' && issue.code === 'too_small') return { key: 'validation.nameRequired' };
      if (field === 'citizenship' && issue.code === 'too_big') {
        return { key: 'validation.tooManyCountries', values: { max: Number(issue.maximum) } };
      }
      if (field === 'citizenship') {
        const index = issue.path[1];
        const value = typeof index === 'number' ? (countries[index] ?? '') : '';
        return { key: 'validation.countryCode', values: { value } };
      }
      if (field === 'externalIds' && issue.code === 'too_big' && issue.origin === 'array') {
        return { key: 'validation.tooManyLines', values: { max: Number(issue.maximum) } };
      }
      if (field === 'externalIds') return { key: 'validation.externalId' };
      if (field === 'nameVariants' && issue.code === 'too_big' && issue.origin === 'array') {
        return { key: 'validation.tooManyLines', values: { max: Number(issue.maximum) } };
      }
      return issueMessage(issue, { dates: ['birthDate'], choices: ['sex', 'consent'] });
    }),
  };
}

/**
 * Only the fields that really changed: the core records each field's change separately for
 * history and sync, so resending an unchanged field would overwrite a colleague's newer edit.
 */
export function changedFields(before: Person, after: PersonFields): Partial<PersonFields> {
  const changes: Record<string, unknown> = {};
  for (const field of Object.keys(after) as (keyof PersonFields)[]) {
    if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) {
      changes[field] = after[field];
    }
  }
  return changes as Partial<PersonFields>;
}
