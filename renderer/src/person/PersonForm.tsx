import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, ErrorCode } from '../../../core/api/errors';
import type { Person, PersonFields } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { errorKey } from '../errors';
import {
  DRAFT_FIELDS,
  EMPTY_DRAFT,
  changedFields,
  checkDraft,
  draftFromPerson,
  sameDraft,
  type DraftField,
  type FieldMessage,
  type FieldMessages,
  type PersonDraft,
} from '../person/draft';
import { Field } from './Field';

interface Props {
  /** The person to edit, or null for a new one. Read once: the parent remounts the form. */
  personId: string | null;
  onSaved: (person: Person) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** The vault is open read-only: the person can be read, not changed. */
  readOnly: boolean;
}

type Control = HTMLInputElement | HTMLTextAreaElement;

function saveChanges(before: Person, fields: PersonFields): Promise<ApiResult<Person>> {
  const changes = changedFields(before, fields);
  if (Object.keys(changes).length === 0) return Promise.resolve({ ok: true, value: before });
  return requestUnlocked((api) => api.updatePerson({ id: before.id, changes }));
}

export function PersonForm({ personId, onSaved, onDirtyChange, readOnly }: Props) {
  const { t } = useTranslation();
  const [baseline, setBaseline] = useState<Person | null>(null);
  const [loading, setLoading] = useState(personId !== null);
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [alertCode, setAlertCode] = useState<ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const controls = useRef<Partial<Record<DraftField, Control | null>>>({});
  const readOnlyId = useId();

  useEffect(() => {
    if (personId === null) return;
    let current = true;
    void requestUnlocked((api) => api.getPerson({ id: personId })).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) {
        setBaseline(result.value);
        setDraft(draftFromPerson(result.value));
      } else {
        setAlertCode(result.error.code);
      }
    });
    return () => {
      current = false;
    };
  }, [personId]);

  const dirty = useMemo(
    () => !sameDraft(draft, baseline ? draftFromPerson(baseline) : EMPTY_DRAFT),
    [draft, baseline],
  );

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  function edit(field: DraftField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setSaved(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || readOnly) return;
    setAlertCode(null);
    setSaved(false);
    const check = checkDraft(draft);
    if (!check.ok) {
      setErrors(check.errors);
      const first = DRAFT_FIELDS.find((field) => check.errors[field]);
      if (first) controls.current[first]?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    const submitted = draft;
    const result = await (baseline === null
      ? requestUnlocked((api) => api.createPerson(check.fields))
      : saveChanges(baseline, check.fields));
    setSaving(false);
    if (!result.ok) {
      setAlertCode(result.error.code);
      return;
    }
    setBaseline(result.value);
    // Keystrokes made while the save was in flight stay; otherwise show what was stored.
    setDraft((current) => (current === submitted ? draftFromPerson(result.value) : current));
    setSaved(true);
    onSaved(result.value);
  }

  const message = (field: DraftField): string | undefined => {
    const found: FieldMessage | undefined = errors[field];
    return found ? t(found.key, found.values) : undefined;
  };

  const bind = (field: DraftField) => ({
    ref: (element: Control | null) => {
      controls.current[field] = element;
    },
    value: draft[field],
    onChange: (event: { target: { value: string } }) => edit(field, event.target.value),
    autoComplete: 'off',
    spellCheck: false,
    readOnly,
  });

  if (loading) return <p className="muted">{t('person.loading')}</p>;
  if (personId !== null && baseline === null) {
    return (
      <p role="alert" className="alert">
        {alertCode ? t(errorKey(alertCode)) : null}
      </p>
    );
  }

  return (
    <form
      className="person-form"
      onSubmit={submit}
      noValidate
      autoComplete="off"
      aria-busy={saving}
    >
      <h2>{baseline ? baseline.name : t('person.newTitle')}</h2>

      {alertCode && (
        <p role="alert" className="alert">
          {t(errorKey(alertCode))}
        </p>
      )}

      <div className="form-grid">
        <Field label={t('person.name')} error={message('name')}>
          {(control) => (
            <input {...control} {...bind('name')} type="text" autoFocus={baseline === null} />
          )}
        </Field>
        <Field label={t('person.nameLatin')} error={message('nameLatin')}>
          {(control) => <input {...control} {...bind('nameLatin')} type="text" />}
        </Field>
        <Field
          label={t('person.birthDate')}
          hint={t('person.birthDateHint')}
          error={message('birthDate')}
        >
          {(control) => (
            <input
              {...control}
              {...bind('birthDate')}
              type="text"
              inputMode="numeric"
              placeholder={t('person.birthDatePlaceholder')}
            />
          )}
        </Field>
        <Field
          label={t('person.citizenship')}
          hint={t('person.citizenshipHint')}
          error={message('citizenship')}
        >
          {(control) => <input {...control} {...bind('citizenship')} type="text" />}
        </Field>
        <Field label={t('person.notes')} error={message('notes')} className="wide">
          {(control) => <textarea {...control} {...bind('notes')} rows={8} />}
        </Field>
      </div>

      <div className="actions">
        {/* Not `disabled` while saving: that would drop the keyboard focus mid-save. */}
        <button
          type="submit"
          className="button primary"
          aria-disabled={saving}
          disabled={readOnly}
          aria-describedby={readOnly ? readOnlyId : undefined}
        >
          {saving ? t('person.saving') : t('person.save')}
        </button>
        {readOnly && (
          <p id={readOnlyId} className="muted read-only-reason">
            {t('person.saveReadOnly')}
          </p>
        )}
        <p role="status" className="status">
          {saved ? t('person.saved') : ''}
        </p>
      </div>
    </form>
  );
}
