import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { z } from 'zod';
import type { CitableEntity } from '../../../core/api/records';
import { requestUnlocked } from '../api';
import { Field } from '../components/Field';
import { formKeyHandler } from '../forms/formKeys';
import { FormShell } from '../forms/FormShell';
import type { FieldMessages } from '../forms/messages';
import { TextField } from '../forms/TextField';
import { asOneKind } from '../storedRecords';
import { NewSourceFields } from './NewSourceFields';
import {
  checkCitation,
  checkSource,
  newSourceDraft,
  type Source,
  type SourceDraft,
  type SourceField,
} from './sources';

/** A record a source can be cited for. */
export interface CiteTarget {
  entity: z.infer<typeof CitableEntity>;
  id: string;
  label: string;
}

interface Props {
  /** Sources that can be picked: those already cited here and those recorded this session. */
  sources: Source[];
  /** The person first, then the timeline records. */
  targets: CiteTarget[];
  onSourceCreated: (source: Source) => void;
  onSaved: () => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

const NEW = '';

type Messages = FieldMessages<SourceField | 'citationNotes'>;

function targetValue(target: CiteTarget): string {
  return `${target.entity}:${target.id}`;
}

/** Cites a source, picked or recorded here, for the person or one of their records. */
export function CiteForm(props: Props) {
  const { sources, targets, onSourceCreated, onSaved, onCancel, onDirtyChange } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [sourceId, setSourceId] = useState(sources[0]?.id ?? NEW);
  const [draft, setDraft] = useState<SourceDraft>(newSourceDraft);
  const [about, setAbout] = useState(targets[0] ? targetValue(targets[0]) : '');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Messages>({});
  const [alertCode, setAlertCode] = useState<ErrorCode | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = notes !== '' || JSON.stringify(draft) !== JSON.stringify(newSourceDraft());

  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);

  function fail(found: Messages) {
    setErrors(found);
    // After the render that marks them, the first field with a message takes the focus.
    window.requestAnimationFrame(() =>
      ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setAlertCode(null);
    const target = targets.find((candidate) => targetValue(candidate) === about);
    if (!target) return;
    const source = sourceId === NEW ? checkSource(draft) : null;
    const citation = checkCitation(target.entity, target.id, notes);
    const found: Messages = {
      ...(source && !source.ok ? source.errors : {}),
      ...(citation.ok ? {} : { citationNotes: citation.errors.notes }),
    };
    if (!citation.ok || (source && !source.ok)) {
      fail(found);
      return;
    }
    setSaving(true);
    let chosen = sourceId;
    if (source?.ok) {
      const created = await requestUnlocked((api) =>
        api.createRecord({ kind: 'source', fields: source.fields }),
      );
      if (!created.ok) {
        setSaving(false);
        setAlertCode(created.error.code);
        return;
      }
      // A failed citation below must not record the same source twice when tried again.
      chosen = created.value.id;
      onSourceCreated(asOneKind<Source>(created.value));
      setSourceId(chosen);
      setDraft(newSourceDraft());
    }
    const result = await requestUnlocked((api) =>
      api.createRecord({ kind: 'citation', fields: { ...citation.fields, sourceId: chosen } }),
    );
    setSaving(false);
    if (!result.ok) {
      setAlertCode(result.error.code);
      return;
    }
    onDirtyChange(false);
    onSaved();
  }

  const message = (field: SourceField | 'citationNotes') => {
    const found = errors[field];
    return found ? t(found.key, found.values) : undefined;
  };

  return (
    <div
      ref={ref}
      className="record-form"
      role="group"
      aria-labelledby={titleId}
      onKeyDown={formKeyHandler(onCancel)}
    >
      <h4 id={titleId}>{t('sources.citeTitle')}</h4>
      <p className="hint">{t('event.keys')}</p>
      <FormShell
        onSubmit={submit}
        onCancel={onCancel}
        saving={saving}
        alertCode={alertCode}
        submitLabel={t('sources.save')}
      >
        {sources.length > 0 && (
          <Field label={t('sources.source')} className="wide">
            {(control) => (
              <select
                {...control}
                value={sourceId}
                onChange={(event) => setSourceId(event.target.value)}
              >
                {sources.map((source) => (
                  <option key={source.id} value={source.id}>
                    {source.confidentiality === 'confidential'
                      ? t('sources.confidentialOption', { title: source.title })
                      : source.title}
                  </option>
                ))}
                <option value={NEW}>{t('sources.newSource')}</option>
              </select>
            )}
          </Field>
        )}
        {sourceId === NEW && (
          <NewSourceFields
            draft={draft}
            onChange={(field, value) => {
              setDraft((current) => ({ ...current, [field]: value }));
              setErrors((current) => ({ ...current, [field]: undefined }));
            }}
            message={message}
          />
        )}
        <Field label={t('sources.about')} className="wide">
          {(control) => (
            <select {...control} value={about} onChange={(event) => setAbout(event.target.value)}>
              {targets.map((target) => (
                <option key={targetValue(target)} value={targetValue(target)}>
                  {target.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('sources.citationNotes')}
          hint={t('sources.citationNotesHint')}
          value={notes}
          onChange={(value) => {
            setNotes(value);
            setErrors((current) => ({ ...current, citationNotes: undefined }));
          }}
          error={message('citationNotes')}
          rows={2}
          className="wide"
        />
      </FormShell>
    </div>
  );
}
