import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import {
  ThesaurusTermFields,
  type ThesaurusName,
  type ThesaurusTerm,
} from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { formKeyHandler } from '../forms/formKeys';
import { FormShell } from '../forms/FormShell';
import { fieldMessages, issueMessage, refusedField, type FieldMessages } from '../forms/messages';
import { TextField } from '../forms/TextField';

interface Props {
  thesaurus: ThesaurusName;
  /** The term to edit, or null to add one. */
  term: ThesaurusTerm | null;
  /** Every code in the thesaurus, deprecated ones too: a code is never used twice. */
  codes: readonly string[];
  /** Where a new term goes: after the others. */
  nextSort: number;
  onSaved: () => void;
  onCancel: () => void;
}

const FIELDS = ['code', 'labelEn', 'labelBe', 'labelRu', 'address'] as const;
type TermField = (typeof FIELDS)[number];

/** Adds a term, or edits a term's labels and address. A term's code never changes. */
export function TermForm({ thesaurus, term, codes, nextSort, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<Record<TermField, string>>({
    code: term?.code ?? '',
    labelEn: term?.labelEn ?? '',
    labelBe: term?.labelBe ?? '',
    labelRu: term?.labelRu ?? '',
    address: term?.address ?? '',
  });
  const [errors, setErrors] = useState<FieldMessages<TermField>>({});
  const [alertCode, setAlertCode] = useState<ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input')?.focus();
  }, []);

  function fail(found: FieldMessages<TermField>) {
    setErrors(found);
    window.requestAnimationFrame(() =>
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setAlertCode(null);
    const parsed = ThesaurusTermFields.safeParse({
      ...draft,
      code: draft.code.trim(),
      thesaurus,
      deprecated: term?.deprecated ?? false,
      sort: term?.sort ?? nextSort,
    });
    if (!parsed.success) {
      fail(
        fieldMessages(parsed.error.issues, FIELDS, (issue) =>
          issue.path[0] === 'code' && issue.code === 'invalid_format'
            ? { key: 'validation.codeFormat' }
            : issueMessage(issue),
        ),
      );
      return;
    }
    const fields = parsed.data;
    if (term === null && codes.includes(fields.code)) {
      fail({ code: { key: 'validation.codeTaken' } });
      return;
    }
    if (![fields.labelEn, fields.labelBe, fields.labelRu].some((label) => label.trim())) {
      fail({ labelEn: { key: 'validation.labelRequired' } });
      return;
    }
    setSaving(true);
    const result = await (term === null
      ? requestUnlocked((api) => api.createRecord({ kind: 'thesaurusTerm', fields }))
      : requestUnlocked((api) =>
          api.updateRecord({
            kind: 'thesaurusTerm',
            id: term.id,
            fields: {
              labelEn: fields.labelEn,
              labelBe: fields.labelBe,
              labelRu: fields.labelRu,
              address: fields.address,
            },
          }),
        ));
    setSaving(false);
    if (result.ok) {
      onSaved();
      return;
    }
    const refused = refusedField(result.error, FIELDS);
    if (refused) fail({ [refused.field]: refused.message });
    else setAlertCode(result.error.code);
  }

  const bind = (field: TermField) => ({
    value: draft[field],
    onChange: (value: string) => {
      setDraft((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: undefined }));
    },
    error: errors[field] ? t(errors[field].key, errors[field].values) : undefined,
  });

  return (
    <div
      ref={ref}
      className="record-form"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={formKeyHandler(onCancel)}
    >
      <h3 id={titleId}>
        {term ? t('thesauri.editTitle', { code: term.code }) : t('thesauri.newTitle')}
      </h3>
      <p className="hint">{t('event.keys')}</p>
      <FormShell
        onSubmit={submit}
        onCancel={onCancel}
        saving={saving}
        alertCode={alertCode}
        submitLabel={t('thesauri.save')}
      >
        {term === null && (
          <TextField
            label={t('thesauri.code')}
            hint={t('thesauri.codeHint')}
            className="wide"
            {...bind('code')}
          />
        )}
        <TextField label={t('thesauri.labelEn')} {...bind('labelEn')} />
        <TextField label={t('thesauri.labelBe')} {...bind('labelBe')} />
        <TextField label={t('thesauri.labelRu')} {...bind('labelRu')} />
        {thesaurus === 'facility' && (
          <TextField
            label={t('thesauri.address')}
            hint={t('thesauri.addressHint')}
            rows={3}
            className="wide"
            {...bind('address')}
          />
        )}
      </FormShell>
    </div>
  );
}
