import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import { RECORD_KINDS } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import {
  fieldMessages,
  issueMessage,
  refusedField,
  type FieldKinds,
  type FieldMessages,
} from '../forms/messages';
import type { TimelineKind } from './entries';

/** A form's fields as typed: text, or a list of codes for multiple choices. */
export type Draft = Record<string, string | string[]>;

interface Options<D extends Draft> {
  kind: TimelineKind;
  personId: string;
  /** The stored record being edited, or null to create one. */
  record: { id: string } | null;
  initial: D;
  /** The record's fields made from the draft, for the shared schema to check. */
  toFields: (draft: D) => Record<string, unknown>;
  fieldKinds: FieldKinds;
  /** Checks no schema can make, such as an end date before the start date. */
  extraCheck?: (fields: Record<string, unknown>) => FieldMessages;
  onSaved: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * State and saving for a timeline record's form. The draft is checked with the kind's schema
 * from the core (the one the API applies), so a message appears next to the field before
 * anything is sent; on update only the fields that changed are sent.
 */
export function useRecordForm<D extends Draft>(options: Options<D>) {
  const { kind, personId, record, initial, toFields, fieldKinds, extraCheck } = options;
  const { onSaved, onDirtyChange } = options;
  const { t } = useTranslation();
  const [start] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [alertCode, setAlertCode] = useState<ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);
  const [errorCount, setErrorCount] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const fields = Object.keys(start);
  const dirty = JSON.stringify(draft) !== JSON.stringify(start);

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  // After a failed check, the first field with a message takes the focus.
  useEffect(() => {
    if (errorCount === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errorCount]);

  function edit<F extends keyof D & string>(field: F, value: D[F]) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  function showErrors(found: FieldMessages) {
    setErrors(found);
    setErrorCount((count) => count + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setAlertCode(null);
    const candidate = { ...toFields(draft), personId };
    const parsed = RECORD_KINDS[kind].safeParse(candidate);
    const found = parsed.success
      ? (extraCheck?.(parsed.data) ?? {})
      : fieldMessages(parsed.error.issues, fields, (issue) => issueMessage(issue, fieldKinds));
    if (!parsed.success || Object.keys(found).length > 0) {
      // An issue about a field this form does not show would otherwise fail silently.
      if (Object.keys(found).length === 0) setAlertCode('INVALID_INPUT');
      else showErrors(found);
      return;
    }
    const values = parsed.data as Record<string, unknown>;
    const stored = record as Record<string, unknown> | null;
    setSaving(true);
    const result = await (stored === null
      ? requestUnlocked((api) => api.createRecord({ kind, fields: values }))
      : requestUnlocked((api) =>
          api.updateRecord({
            kind,
            id: String(stored.id),
            fields: Object.fromEntries(
              Object.entries(values).filter(
                ([field, value]) => JSON.stringify(value) !== JSON.stringify(stored[field]),
              ),
            ),
          }),
        ));
    setSaving(false);
    if (result.ok) {
      onDirtyChange(false);
      onSaved();
      return;
    }
    const refused = refusedField(result.error, fields);
    if (refused) showErrors({ [refused.field]: refused.message });
    else setAlertCode(result.error.code);
  }

  const message = (field: keyof D & string): string | undefined => {
    const found = errors[field];
    return found ? t(found.key, found.values) : undefined;
  };

  return { draft, edit, message, shell: { formRef, onSubmit: submit, saving, alertCode } };
}
