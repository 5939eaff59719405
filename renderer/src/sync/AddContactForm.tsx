import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../core/api/errors';
import type { Contact } from '../../../core/api/sync';
import { requestUnlocked } from '../api';
import type { PickedPath } from '../../../core/api/pickers';
import { ChoosePath } from '../components/ChoosePath';
import { Field } from '../components/Field';
import { fileErrorKey } from './fileErrors';

type Source = 'file' | 'text';
const SOURCES: readonly Source[] = ['file', 'text'];

interface Props {
  readOnly: boolean;
  onAdded: (contact: Contact) => void;
}

/** Adds a colleague from their contact file or from its text pasted from a message. */
export function AddContactForm({ readOnly, onAdded }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const sourceName = useId();
  const [source, setSource] = useState<Source>('file');
  const [path, setPath] = useState<PickedPath | null>(null);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorCode | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const pathButton = useRef<HTMLButtonElement>(null);
  const focusInput = () => (source === 'file' ? pathButton : input).current?.focus();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || readOnly) return;
    const value = source === 'file' ? (path?.token ?? '') : text.trim();
    if (value === '') {
      setMissing(true);
      focusInput();
      return;
    }
    setBusy(true);
    setProblem(null);
    setAdded(null);
    const result = await requestUnlocked((api) =>
      api.addContact(source === 'file' ? { path: value } : { text: value }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.code);
      focusInput();
      return;
    }
    setAdded(result.value.name);
    setPath(null);
    setText('');
    onAdded(result.value);
  }

  const change = (set: (value: string) => void) => (value: string) => {
    set(value);
    setMissing(false);
    setProblem(null);
  };

  return (
    <section className="sync-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sync.add.heading')}</h3>
      <p className="muted">{t('sync.add.lead')}</p>
      <form
        onSubmit={(event) => void submit(event)}
        noValidate
        autoComplete="off"
        aria-busy={busy}
        aria-label={t('sync.add.label')}
      >
        <fieldset className="choice-group">
          <legend>{t('sync.add.from')}</legend>
          {SOURCES.map((option) => (
            <div key={option} className="checkbox-field">
              <input
                id={`${sourceName}-${option}`}
                type="radio"
                name={sourceName}
                checked={source === option}
                onChange={() => {
                  setSource(option);
                  setMissing(false);
                  setProblem(null);
                }}
              />
              <label htmlFor={`${sourceName}-${option}`}>
                {t(option === 'file' ? 'sync.add.fromFile' : 'sync.add.fromText')}
              </label>
            </div>
          ))}
        </fieldset>
        {problem && (
          <p role="alert" className="alert">
            {t(fileErrorKey(problem, 'contact'))}
          </p>
        )}
        {source === 'file' ? (
          <ChoosePath
            ref={pathButton}
            label={t('sync.add.path')}
            error={missing ? t('sync.add.needPath') : undefined}
            purpose="openContactFile"
            value={path}
            onChange={(picked) => {
              setPath(picked);
              setMissing(false);
              setProblem(null);
            }}
          />
        ) : (
          <Field label={t('sync.add.text')} error={missing ? t('sync.add.needText') : undefined}>
            {(control) => (
              <textarea
                {...control}
                ref={input}
                rows={6}
                spellCheck={false}
                value={text}
                onChange={(event) => change(setText)(event.target.value)}
              />
            )}
          </Field>
        )}
        <div className="actions">
          <button type="submit" className="button primary" disabled={readOnly} aria-disabled={busy}>
            {busy ? t('sync.add.submitting') : t('sync.add.submit')}
          </button>
          <p role="status" className="status">
            {added ? t('sync.add.done', { name: added }) : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
