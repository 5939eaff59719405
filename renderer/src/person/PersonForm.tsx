import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, ErrorCode } from '../../../core/api/errors';
import { Consent, Sex, type Person, type PersonFields } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { DateField } from '../forms/DateField';
import { errorKey } from '../errors';
import { refusedField, type FieldMessages } from '../forms/messages';
import { ThesaurusSelect } from '../thesauri/ThesaurusSelect';
import {
  DRAFT_FIELDS,
  EMPTY_DRAFT,
  changedFields,
  checkDraft,
  draftFromPerson,
  rebaseDraft,
  sameDraft,
  type DraftField,
  type PersonDraft,
} from './draft';
import { DuplicateWarning } from './DuplicateWarning';
import { useDuplicates } from './useDuplicates';

interface Props {
  /** The stored person, or null for a new one. A newer version is merged into the draft. */
  person: Person | null;
  onSaved: (person: Person) => void;
  onDirtyChange: (dirty: boolean) => void;
  /** Opens another person, e.g. a likely duplicate. */
  onOpenPerson: (id: string) => void;
  onHistory: () => void;
  /** Opens the report dialog on this person's dossier. */
  onDossier: () => void;
  /** The vault is open read-only: the person can be read, not changed. */
  readOnly: boolean;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function saveChanges(before: Person, fields: PersonFields): Promise<ApiResult<Person>> {
  const changes = changedFields(before, fields);
  if (Object.keys(changes).length === 0) return Promise.resolve({ ok: true, value: before });
  return requestUnlocked((api) => api.updatePerson({ id: before.id, changes }));
}

export function PersonForm(props: Props) {
  const { person, onSaved, onDirtyChange, onOpenPerson, onHistory, onDossier, readOnly } = props;
  const { t } = useTranslation();
  const [baseline, setBaseline] = useState<Person | null>(person);
  const [incoming, setIncoming] = useState<Person | null>(person);
  const [draft, setDraft] = useState<PersonDraft>(() =>
    person ? draftFromPerson(person) : EMPTY_DRAFT,
  );
  const [errors, setErrors] = useState<FieldMessages<DraftField>>({});
  const [alertCode, setAlertCode] = useState<ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const controls = useRef<Partial<Record<DraftField, Control | null>>>({});
  const readOnlyId = useId();
  const headingId = useId();

  // A newer stored version (after an undo, or a save elsewhere on the page) replaces the fields
  // the user has not touched.
  if (person !== incoming) {
    setIncoming(person);
    if (person && baseline && person.id === baseline.id && person.updatedAt > baseline.updatedAt) {
      setBaseline(person);
      setDraft((current) =>
        rebaseDraft(current, draftFromPerson(baseline), draftFromPerson(person)),
      );
    }
  }

  const stored = useMemo(() => (baseline ? draftFromPerson(baseline) : EMPTY_DRAFT), [baseline]);
  const dirty = !sameDraft(draft, stored);

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  const duplicates = useDuplicates({
    name: draft.name,
    birthDate: draft.birthDate,
    excludeId: baseline?.id ?? null,
    enabled: draft.name !== stored.name || draft.birthDate !== stored.birthDate,
  });

  function edit(field: DraftField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setSaved(false);
  }

  function showErrors(found: FieldMessages<DraftField>) {
    setErrors(found);
    const first = DRAFT_FIELDS.find((field) => found[field]);
    if (first) controls.current[first]?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving || readOnly) return;
    setAlertCode(null);
    setSaved(false);
    const check = checkDraft(draft);
    if (!check.ok) {
      showErrors(check.errors);
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
      const refused = refusedField(result.error, DRAFT_FIELDS);
      if (refused) showErrors({ [refused.field]: refused.message });
      else setAlertCode(result.error.code);
      return;
    }
    setBaseline(result.value);
    // Keystrokes made while the save was in flight stay; otherwise show what was stored.
    setDraft((current) => (current === submitted ? draftFromPerson(result.value) : current));
    setSaved(true);
    onSaved(result.value);
  }

  const message = (field: DraftField): string | undefined => {
    const found = errors[field];
    return found ? t(found.key, found.values) : undefined;
  };

  const bind = (field: DraftField) => ({
    ref: (element: Control | null) => {
      controls.current[field] = element;
    },
    value: draft[field],
    onChange: (event: { target: { value: string } }) => edit(field, event.target.value),
  });

  const text = (field: DraftField) => ({
    ...bind(field),
    autoComplete: 'off',
    spellCheck: false,
    readOnly,
  });

  return (
    <form
      className="person-form"
      onSubmit={submit}
      noValidate
      autoComplete="off"
      aria-busy={saving}
      aria-labelledby={headingId}
    >
      <div className="section-head">
        <h2 id={headingId}>{baseline ? baseline.name : t('person.newTitle')}</h2>
        {baseline && (
          <div className="section-head-actions">
            <button type="button" className="button secondary small" onClick={onDossier}>
              {t('reports.dossier')}
            </button>
            <button type="button" className="button secondary small" onClick={onHistory}>
              {t('history.open')}
            </button>
          </div>
        )}
      </div>

      {alertCode && (
        <p role="alert" className="alert">
          {t(errorKey(alertCode))}
        </p>
      )}

      <div className="form-grid">
        <Field label={t('person.name')} error={message('name')}>
          {(control) => (
            <input {...control} {...text('name')} type="text" autoFocus={baseline === null} />
          )}
        </Field>
        <Field label={t('person.nameLatin')} error={message('nameLatin')}>
          {(control) => <input {...control} {...text('nameLatin')} type="text" />}
        </Field>
        <Field
          label={t('person.otherSpellings')}
          hint={t('person.otherSpellingsHint')}
          error={message('nameVariants')}
          className="wide"
        >
          {(control) => <textarea {...control} {...text('nameVariants')} rows={2} />}
        </Field>
        <Field
          label={t('person.externalIds')}
          hint={t('person.externalIdsHint')}
          error={message('externalIds')}
        >
          {(control) => <textarea {...control} {...text('externalIds')} rows={2} />}
        </Field>
        <Field label={t('person.sex')} error={message('sex')}>
          {(control) => (
            <select {...control} {...bind('sex')} disabled={readOnly}>
              <option value="">{t('person.notRecorded')}</option>
              {Sex.options.map((sex) => (
                <option key={sex} value={sex}>
                  {t(`person.sexes.${sex}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateField
          label={t('person.birthDate')}
          hint={`${t('person.birthDateHint')} ${t('dateInput.hint')}`}
          error={message('birthDate')}
          value={draft.birthDate}
          onChange={(value) => edit('birthDate', value)}
          readOnly={readOnly}
          inputRef={(element) => {
            controls.current.birthDate = element;
          }}
        />
        {/* Under the name and birth date it is about, in view while they are typed. */}
        <DuplicateWarning people={duplicates} onOpen={onOpenPerson} />
        <Field
          label={t('person.citizenship')}
          hint={t('person.citizenshipHint')}
          error={message('citizenship')}
        >
          {(control) => <input {...control} {...text('citizenship')} type="text" />}
        </Field>
        <Field label={t('person.region')} error={message('region')}>
          {(control) => (
            <ThesaurusSelect
              control={control}
              thesaurus="region"
              value={draft.region}
              onChange={(code) => edit('region', code)}
              emptyLabel={t('person.notRecorded')}
              disabled={readOnly}
            />
          )}
        </Field>
        <Field label={t('person.occupation')} error={message('occupation')}>
          {(control) => <input {...control} {...text('occupation')} type="text" />}
        </Field>
        <Field
          label={t('person.consent')}
          hint={t('person.consentHint')}
          error={message('consent')}
        >
          {(control) => (
            <select {...control} {...bind('consent')} disabled={readOnly}>
              {Consent.options.map((consent) => (
                <option key={consent} value={consent}>
                  {t(`person.consents.${consent}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('person.notes')} error={message('notes')} className="wide">
          {(control) => <textarea {...control} {...text('notes')} rows={6} />}
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
