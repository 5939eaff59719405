import type { z } from 'zod';
import {
  CitationFields,
  SourceFields,
  CitableEntity,
  type PersonFile,
} from '../../../core/api/records';
import { asKind, type Stored } from '../storedRecords';
import { fieldMessages, issueMessage, type FieldMessages } from '../forms/messages';

export type Source = z.infer<typeof SourceFields> & Stored;
export type Citation = z.infer<typeof CitationFields> & Stored & { source: Source | null };

export function citationsOf(file: PersonFile): Citation[] {
  return asKind<Citation>(file.citations);
}

export function newSourceDraft() {
  return {
    title: '',
    kind: 'document' as string,
    reliability: 'unknown' as string,
    // Confidential until someone decides otherwise, as in the core: the safe mistake.
    confidentiality: 'confidential' as string,
    reference: '',
    date: '',
    notes: '',
  };
}
export type SourceDraft = ReturnType<typeof newSourceDraft>;
export type SourceField = keyof SourceDraft;
const SOURCE_FIELDS = Object.keys(newSourceDraft()) as SourceField[];

export function checkSource(
  draft: SourceDraft,
):
  | { ok: true; fields: z.infer<typeof SourceFields> }
  | { ok: false; errors: FieldMessages<SourceField> } {
  const date = draft.date.trim();
  const parsed = SourceFields.safeParse({ ...draft, date: date === '' ? null : date });
  if (parsed.success) return { ok: true, fields: parsed.data };
  return {
    ok: false,
    errors: fieldMessages(parsed.error.issues, SOURCE_FIELDS, (issue) =>
      issue.path[0] === 'title' && issue.code === 'too_small'
        ? { key: 'validation.titleRequired' }
        : issueMessage(issue, {
            dates: ['date'],
            choices: ['kind', 'reliability', 'confidentiality'],
          }),
    ),
  };
}

/** The citation's own fields, checked with its schema before the source id is known. */
const CitationWithoutSource = CitationFields.omit({ sourceId: true });

export function checkCitation(
  entity: z.infer<typeof CitableEntity>,
  entityId: string,
  notes: string,
) {
  const parsed = CitationWithoutSource.safeParse({ entity, entityId, field: null, notes });
  if (parsed.success) return { ok: true as const, fields: parsed.data };
  return {
    ok: false as const,
    errors: fieldMessages(parsed.error.issues, ['notes'], (issue) => issueMessage(issue)),
  };
}
