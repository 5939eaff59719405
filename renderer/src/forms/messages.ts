import type { z } from 'zod';
import type { ApiErrorBody } from '../../../core/api/errors';
import type en from '../../../resources/locales/en/translation.json';

/** A validation message as a translation key, translated where it is shown. */
export interface FieldMessage {
  key: `validation.${keyof typeof en.validation}`;
  values?: Record<string, string | number>;
}

export type FieldMessages<F extends string = string> = Partial<Record<F, FieldMessage>>;

/** What a form tells `issueMessage` about its fields, beyond what the schema says. */
export interface FieldKinds {
  /** Fields holding a partial date. */
  dates?: readonly string[];
  /** Fields whose value the user picks from a list rather than types. */
  choices?: readonly string[];
}

/** Says in words what a zod issue from one of the shared schemas means for the user. */
export function issueMessage(issue: z.core.$ZodIssue, kinds: FieldKinds = {}): FieldMessage {
  const field = String(issue.path[0] ?? '');
  if (kinds.dates?.includes(field)) {
    return {
      key: issue.code === 'invalid_format' ? 'validation.dateFormat' : 'validation.dateImpossible',
    };
  }
  if (kinds.choices?.includes(field)) return { key: 'validation.choose' };
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return { key: 'validation.tooMany', values: { max } };
      if (issue.origin === 'number') return { key: 'validation.numberTooBig', values: { max } };
      return { key: 'validation.tooLong', values: { max } };
    }
    case 'too_small':
      return issue.origin === 'number'
        ? { key: 'validation.wholeNumber' }
        : { key: 'validation.required' };
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? { key: 'validation.wholeNumber' }
        : { key: 'validation.choose' };
    case 'invalid_value':
      return { key: 'validation.choose' };
    default:
      return { key: 'validation.invalid' };
  }
}

/** The first message for each field the form shows; issues about other fields are dropped. */
export function fieldMessages<F extends string>(
  issues: readonly z.core.$ZodIssue[],
  fields: readonly F[],
  message: (issue: z.core.$ZodIssue) => FieldMessage,
): FieldMessages<F> {
  const messages: FieldMessages<F> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !fields.includes(field as F)) continue;
    messages[field as F] ??= message(issue);
  }
  return messages;
}

/**
 * The field a refused write was about, with a sentence for it. The core's INVALID_INPUT
 * message starts with the field ("releaseType: unknown release_type code"); it is a developer
 * hint, so only the field name is taken from it and the user sees a sentence of ours.
 */
export function refusedField<F extends string>(
  error: ApiErrorBody,
  fields: readonly F[],
): { field: F; message: FieldMessage } | null {
  if (error.code !== 'INVALID_INPUT') return null;
  const field = /^(\w+)[.:]/.exec(error.message)?.[1];
  if (field === undefined || !fields.includes(field as F)) return null;
  if (/unknown \w+ code/.test(error.message)) {
    return { field: field as F, message: { key: 'validation.unknownCode' } };
  }
  if (/no such/.test(error.message)) {
    return { field: field as F, message: { key: 'validation.missingRecord' } };
  }
  return { field: field as F, message: { key: 'validation.invalid' } };
}
